namespace Helpdesk.LoadTest.DirectLine;

/// <summary>A response and how long its request took, from sending to the last byte of the body.</summary>
internal sealed record Timed<T>(T Value, TimeSpan Elapsed);
