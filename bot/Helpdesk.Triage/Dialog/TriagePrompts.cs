using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Dialog;

/// <summary>
/// Every sentence the bot says, loaded from one file an operator edits (prompts.json). Every key
/// is required, so a missing or misspelt prompt stops the start with its name instead of
/// surfacing as a blank message in a customer's chat. <c>{name}</c> marks a value filled in.
/// </summary>
public sealed partial record TriagePrompts
{
    public required string Greeting { get; init; }
    public required string GreetingAgain { get; init; }
    public required string Goodbye { get; init; }
    public required string Help { get; init; }
    public required string Restarted { get; init; }
    public required string Cancelled { get; init; }
    public required string NothingToCancel { get; init; }

    public required string DidYouMean { get; init; }
    public required string SomethingElse { get; init; }
    public required string Rephrase { get; init; }
    public required string OutOfScope { get; init; }
    public required string OfferPerson { get; init; }
    public required string TalkToPerson { get; init; }
    public required string TryAgain { get; init; }

    public required string ArticlesIntro { get; init; }
    public required string DidItSolve { get; init; }
    public required string Solved { get; init; }
    public required string NotSolved { get; init; }
    public required string SolvedReply { get; init; }
    public required string NoArticles { get; init; }
    public required string NotSolvedReply { get; init; }

    public required string AskAccountId { get; init; }
    public required string NoAccountId { get; init; }
    public required string InvalidAccountId { get; init; }
    public required string AccountIdFallback { get; init; }
    public required string AskEmail { get; init; }
    public required string InvalidEmail { get; init; }
    public required string AskUrgency { get; init; }
    public required string InvalidUrgency { get; init; }
    public required string AskCallback { get; init; }
    public required string InvalidCallback { get; init; }
    public required string AskPhone { get; init; }
    public required string InvalidPhone { get; init; }
    public required string AskTimeWindow { get; init; }
    public required string Skip { get; init; }

    public required string SummaryTitle { get; init; }
    public required string SummaryPrompt { get; init; }
    public required string SummaryUpdated { get; init; }
    public required string SendIt { get; init; }
    public required string StartOver { get; init; }

    public required string Escalating { get; init; }
    public required string Frustrated { get; init; }
    public required string AskIdentityQuickly { get; init; }
    public required string AskCallbackQuickly { get; init; }

    public required string TargetImmediately { get; init; }
    public required string TargetWithin { get; init; }
    public required string CaseCreated { get; init; }
    public required string CaseJoined { get; init; }
    public required string ViaChat { get; init; }
    public required string ViaEmail { get; init; }
    public required string ViaPhone { get; init; }
    public required string AddedToCase { get; init; }
    public required string HandoffFailed { get; init; }
    public required string AskRating { get; init; }
    public required string ThanksForRating { get; init; }
    public required string CaseStatus { get; init; }
    public required string CaseNotFound { get; init; }

    public required ChoiceTitles Choices { get; init; }
    public required SummaryLabels SummaryLabels { get; init; }

    /// <summary>How each intent is named to the customer ("Did you mean …?" buttons, the summary).</summary>
    public required IReadOnlyDictionary<string, string> Intents { get; init; }

    public string IntentName(string label) => Intents.TryGetValue(label, out var name) ? name : label.Replace('_', ' ');

    public static TriagePrompts Load(string path) => OperatorFile.Read(path, TriageJsonContext.Default.TriagePrompts);

    /// <summary>Fills <c>{name}</c> placeholders; values are customer data, so they are never re-scanned.</summary>
    public static string Fill(string template, params IReadOnlyList<(string Name, string Value)> values) =>
        Placeholder().Replace(template, match =>
        {
            foreach (var (name, value) in values)
            {
                if (string.Equals(name, match.Groups[1].Value, StringComparison.Ordinal)) return value;
            }

            return match.Value;
        });

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>The titles of the fixed buttons; a typed answer equal to a title picks it.</summary>
public sealed record ChoiceTitles
{
    public required string Critical { get; init; }
    public required string High { get; init; }
    public required string Medium { get; init; }
    public required string Low { get; init; }
    public required string Chat { get; init; }
    public required string Email { get; init; }
    public required string Phone { get; init; }
    public required string Morning { get; init; }
    public required string Afternoon { get; init; }
    public required string AnyTime { get; init; }
}

/// <summary>The labels of the summary card.</summary>
public sealed record SummaryLabels
{
    public required string Problem { get; init; }
    public required string Topic { get; init; }
    public required string Account { get; init; }
    public required string Email { get; init; }
    public required string Urgency { get; init; }
    public required string Contact { get; init; }
    public required string BestTime { get; init; }
    public required string Articles { get; init; }
    public required string NotGiven { get; init; }
    public required string None { get; init; }
}
