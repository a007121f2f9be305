namespace Helpdesk.Knowledge.Feedback;

public enum ArticleEventKind
{
    /// <summary>The article was suggested.</summary>
    Impression,

    /// <summary>The customer opened it.</summary>
    Open,

    /// <summary>The customer said it solved the problem.</summary>
    Helpful,

    /// <summary>The customer said it did not.</summary>
    NotHelpful,
}
