namespace Helpdesk.Triage.Dialog;

/// <summary>How a conversation ended, for honest analytics: a conversation is never counted as
/// solved unless the customer said so.</summary>
public enum ConversationOutcome
{
    Open,
    ResolvedByArticle,
    HandedOff,
    Abandoned,
}

/// <summary>Why a conversation went to a person.</summary>
public enum HandoffReason
{
    /// <summary>The customer asked for a person.</summary>
    Asked,

    /// <summary>The customer was frustrated (insults, shouting, "this is useless").</summary>
    Frustrated,

    /// <summary>The bot did not understand the request after repairs.</summary>
    NotUnderstood,

    /// <summary>The articles did not solve it, or there was none to offer.</summary>
    NotSolved,
}
