using System.Globalization;
using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Cases;

/// <summary>Readable case references, HD-000123: the store's sequence number, zero-padded.</summary>
public static partial class CaseReference
{
    public static string Format(long number) => "HD-" + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The first reference mentioned in a text ("status of HD-000123?"), upper-cased.</summary>
    public static string? Find(string text) => Pattern().Match(text) is { Success: true } m ? m.Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"\bHD-\d{6,}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
