namespace Helpdesk.LoadTest.Connector;

internal sealed record ConversationAccount(string Id);
