using System.Text.RegularExpressions;

namespace Helpdesk.Triage.Entities;

/// <summary>
/// Pulls the triage facts out of free text, so a customer who writes "ACC-20931, urgent, call me on
/// +44 20 7946 0958 after 3pm" is never asked for any of them. Pure and thread-safe; the account
/// pattern comes from configuration and is validated when the extractor is built.
/// </summary>
public sealed partial class EntityExtractor
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex _accountId;

    public EntityExtractor(EntityOptions options)
    {
        try
        {
            _accountId = new Regex($@"(?<![\w-])(?:{options.AccountIdPattern})(?![\w-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Entities:AccountIdPattern is not a valid regular expression: {e.Message}", nameof(options), e);
        }
    }

    public ExtractedEntities Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ExtractedEntities.None;

        var email = EmailPattern().Match(text);
        var withoutEmail = email.Success ? text.Remove(email.Index, email.Length) : text;
        var account = _accountId.Match(withoutEmail);
        var withoutIds = account.Success ? withoutEmail.Remove(account.Index, account.Length) : withoutEmail;
        var lower = text.ToLowerInvariant();

        return new ExtractedEntities(
            account.Success ? account.Value.ToUpperInvariant() : null,
            email.Success ? email.Value : null,
            FindPhone(withoutIds),
            FindUrgency(lower),
            FindCallback(lower),
            TimePattern().Match(withoutIds) is { Success: true } time ? time.Value.Trim() : null,
            CorrectionPattern().IsMatch(lower));
    }

    private static string? FindPhone(string text)
    {
        foreach (Match match in PhonePattern().Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            if (digits is >= 7 and <= 15) return match.Value.Trim();
        }

        return null;
    }

    // Negations first: "not urgent" must not read as urgent.
    private static Urgency? FindUrgency(string lower) =>
        LowUrgency().IsMatch(lower) ? Urgency.Low
        : CriticalUrgency().IsMatch(lower) ? Urgency.Critical
        : HighUrgency().IsMatch(lower) ? Urgency.High
        : MediumUrgency().IsMatch(lower) ? Urgency.Medium
        : null;

    private static CallbackChannel? FindCallback(string lower) =>
        PhoneCallback().IsMatch(lower) ? CallbackChannel.Phone
        : EmailCallback().IsMatch(lower) ? CallbackChannel.Email
        : ChatCallback().IsMatch(lower) ? CallbackChannel.Chat
        : null;

    [GeneratedRegex(@"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w.])\+?\(?\d[\d ().-]{5,}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(not (that |very |really )?urgent|no rush|no hurry|whenever|low priority|when(ever)? you (have|get) (the )?time|not a big deal)\b")]
    private static partial Regex LowUrgency();

    [GeneratedRegex(@"\b(emergency|critical|asap|a\.s\.a\.p|immediately|right now|urgent(ly)?|production (is )?down|everything is down|all (our |my )?users|security breach|hacked|can'?t operate)\b")]
    private static partial Regex CriticalUrgency();

    [GeneratedRegex(@"\b(today|as soon as possible|important|blocking|blocked|can'?t work|losing (money|sales|customers)|high priority)\b")]
    private static partial Regex HighUrgency();

    [GeneratedRegex(@"\b(this week|in the next few days|medium priority|normal priority|soonish)\b")]
    private static partial Regex MediumUrgency();

    [GeneratedRegex(@"\b(call me|phone me|ring me|give me a (call|ring)|call back|callback by phone|by phone|over the phone)\b")]
    private static partial Regex PhoneCallback();

    [GeneratedRegex(@"\b(e-?mail me|send me an e-?mail|by e-?mail|reply by e-?mail|write to me)\b")]
    private static partial Regex EmailCallback();

    [GeneratedRegex(@"\b(here in (the )?chat|in this chat|chat now|right here|stay in the chat)\b")]
    private static partial Regex ChatCallback();

    [GeneratedRegex(@"\b((tomorrow|today|tonight|this|next)\s+(morning|afternoon|evening|week)|tomorrow|(after|before|around|from)\s+\d{1,2}(:\d{2})?\s*(am|pm|h)?|between\s+\d{1,2}(:\d{2})?\s*(am|pm)?\s+and\s+\d{1,2}(:\d{2})?\s*(am|pm)?|at\s+\d{1,2}(:\d{2})?\s*(am|pm)|(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(\s+(morning|afternoon|evening))?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(actually|correction|i meant|sorry,? (it'?s|i meant|wrong)|that was wrong|my mistake|typo)\b")]
    private static partial Regex CorrectionPattern();
}
