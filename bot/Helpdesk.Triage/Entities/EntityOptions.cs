using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Triage.Entities;

/// <summary>The "Entities" configuration: what an account ID looks like for this operator.</summary>
public sealed class EntityOptions
{
    public const string Section = "Entities";

    /// <summary>A .NET regular expression for account IDs, matched case-insensitively as a whole word.</summary>
    [Required] public string AccountIdPattern { get; set; } = @"ACC-\d{5}";
}
