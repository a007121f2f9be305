using System.Text.Json;

namespace Helpdesk.LoadTest.Connector;

/// <summary>
/// The part of an activity the bot sends to the Connector that the load test reads. Attachments are
/// only counted: the test checks that the bot answered and named the case, not how the cards look.
/// </summary>
internal sealed record BotActivity(string? Type, string? Text, string? ReplyToId, IReadOnlyList<JsonElement>? Attachments);
