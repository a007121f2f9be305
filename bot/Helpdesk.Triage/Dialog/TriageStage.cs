namespace Helpdesk.Triage.Dialog;

/// <summary>Where a conversation stands: what the bot is waiting for next.</summary>
public enum TriageStage
{
    /// <summary>Nothing said yet; the greeting comes on join or with the first message.</summary>
    New,

    /// <summary>Waiting for the customer to describe the problem.</summary>
    AwaitingProblem,

    /// <summary>Asked "Did you mean …?" with the likely intents as choices.</summary>
    Disambiguating,

    /// <summary>Not understood twice in a row: a person was offered.</summary>
    OfferingPerson,

    /// <summary>Articles shown; waiting for "did that solve it?".</summary>
    ArticlesOffered,

    AskingAccountId,
    AskingEmail,
    AskingUrgency,
    AskingCallback,
    AskingPhone,
    AskingTimeWindow,

    /// <summary>The summary card is shown; waiting for "Send it".</summary>
    ConfirmingSummary,

    /// <summary>A case exists; the customer's messages are added to it.</summary>
    HandedOff,

    /// <summary>An article solved it.</summary>
    Resolved,
}
