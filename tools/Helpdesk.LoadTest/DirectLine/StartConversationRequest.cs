namespace Helpdesk.LoadTest.DirectLine;

internal sealed record StartConversationRequest(Account User, string Locale);
