namespace Helpdesk.LoadTest.DirectLine;

/// <summary>A message activity as Web Chat posts it when the customer types or taps a button.</summary>
internal sealed record OutgoingMessage(string Type, Account From, string Text, string Locale, ClientChannelData ChannelData);
