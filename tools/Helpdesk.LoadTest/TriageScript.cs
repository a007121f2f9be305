using System.Globalization;
using System.Text.RegularExpressions;

namespace Helpdesk.LoadTest;

/// <summary>
/// What one simulated customer types, turn by turn, and how the last reply must name the filed case.
/// In a turn's text <c>{account}</c> becomes a five-digit account number and <c>{index}</c> the
/// conversation's index, so every conversation files a case of its own.
/// </summary>
internal sealed partial record TriageScript(IReadOnlyList<string> Turns, Regex ReferencePattern)
{
    /// <summary>Account numbers start here and keep five digits for this many conversations.</summary>
    public const int FirstAccount = 10000;

    public const int MaxConversations = 90000;

    /// <summary>A billing dispute the knowledge base does not settle, escalated by e-mail.</summary>
    public static TriageScript Default { get; } = new(
    [
        "I was charged twice for my subscription this month",
        "No, I still need help",
        "ACC-{account}",
        "High",
        "Email",
        "customer{index}@example.com",
        "Send it",
    ], CaseReference());

    public string TextFor(int turn, int conversation) => Turns[turn]
        .Replace("{account}", (FirstAccount + conversation).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{index}", conversation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    // Word boundaries, so a longer number is not taken for a six-digit reference.
    [GeneratedRegex(@"\bHD-\d{6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CaseReference();
}
