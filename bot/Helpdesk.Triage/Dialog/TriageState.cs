namespace Helpdesk.Triage.Dialog;

/// <summary>
/// Everything the dialog remembers about one conversation. Immutable and serializable: the
/// processor loads it, the dialog returns the next one, and the store saves it with a version
/// for optimistic concurrency.
/// Lists default to empty even when the JSON lacks them (the generated serializer would set null).
/// </summary>
public sealed record TriageState
{
    public TriageStage Stage { get; init; } = TriageStage.New;

    public bool Greeted { get; init; }

    /// <summary>The customer's description of the problem, as typed (later details appended).</summary>
    public string? Problem { get; init; }

    public IntentGuess? Intent { get; init; }

    public TriageFacts Facts { get; init => field = value ?? new(); } = new();

    public IReadOnlyList<ArticleOffer> Articles { get; init => field = value ?? []; } = [];

    /// <summary>The choices of the last question: a typed answer equal to one of them picks it.</summary>
    public IReadOnlyList<PendingChoice> Choices { get; init => field = value ?? []; } = [];

    /// <summary>The last question asked, repeated after "help" or a status answer.</summary>
    public string? Question { get; init; }

    /// <summary>Slots the customer skipped or could not give ("email", "phone", "identity", "callback").</summary>
    public IReadOnlyList<string> Skipped { get; init => field = value ?? []; } = [];

    /// <summary>Failed attempts at the current question; reset when the stage changes.</summary>
    public int Attempts { get; init; }

    /// <summary>Messages not understood in a row; two offer a person, a third hands off.</summary>
    public int FailedRepairs { get; init; }

    /// <summary>Sentiment and frustration signals seen so far ("insult", "shouting", …).</summary>
    public IReadOnlyList<string> Signals { get; init => field = value ?? []; } = [];

    /// <summary>Set once the customer is on the way to a person; only essential questions remain.</summary>
    public HandoffReason? Handoff { get; init; }

    /// <summary>How many escape-hatch questions were asked (at most two).</summary>
    public int EssentialQuestions { get; init; }

    public string? CaseReference { get; init; }

    /// <summary>Where a message to this conversation goes when it is not one of our Direct Line
    /// conversations: the channel's Connector address, from the customer's last activity.</summary>
    public ReplyAddress? ReplyAddress { get; init; }

    /// <summary>The customer's 1–5 rating of the self-service help, when an article solved it and they rated it.</summary>
    public int? BotRating { get; init; }

    /// <summary>An engagement hub accepted the handoff: a person there has the conversation, so the bot
    /// keeps quiet until the hub reports it completed or failed.</summary>
    public bool HandoffAccepted { get; init; }

    public ConversationOutcome Outcome { get; init; } = ConversationOutcome.Open;

    public IReadOnlyList<TranscriptEntry> Transcript { get; init => field = value ?? []; } = [];

    /// <summary>Moves to another question, forgetting the failed attempts of the last one.</summary>
    public TriageState At(TriageStage stage, params IReadOnlyList<PendingChoice> choices) =>
        this with { Stage = stage, Choices = choices, Attempts = stage == Stage ? Attempts : 0 };

    /// <summary>The state with the store-assigned case reference in place of the placeholder the dialog used.</summary>
    public TriageState WithCaseReference(string reference) => this with
    {
        CaseReference = reference,
        Transcript = [.. Transcript.Select(e => e with { Text = e.Text.Replace(Cases.CaseDraft.ReferencePlaceholder, reference, StringComparison.Ordinal) })],
    };

    public bool HasSkipped(string slot) => Skipped.Contains(slot);

    public TriageState Skip(string slot) => HasSkipped(slot) ? this : this with { Skipped = [.. Skipped, slot] };
}

/// <summary>A button offered with the last question and what picking it means.</summary>
public sealed record PendingChoice(string Title, string Value);
