using System.Text.Json.Serialization;

namespace Helpdesk.LoadTest.DirectLine;

/// <summary>The id Web Chat gives each message it sends, to find the message's echo among the activities.</summary>
internal sealed record ClientChannelData([property: JsonPropertyName("clientActivityID")] string ClientActivityId);
