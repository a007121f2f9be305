namespace Helpdesk.Bot.Agents;

/// <summary>Who may do what: every console page and API needs one of these.</summary>
internal static class AgentPolicies
{
    /// <summary>Any signed-in agent who has set their own password.</summary>
    public const string Agent = "agent";

    public const string Supervisor = "supervisor";

    public const string Admin = "admin";

    /// <summary>Signed in with a one-time password: may only choose a new one.</summary>
    public const string ChangingPassword = "changing-password";

    public const string MustChangePasswordClaim = "helpdesk:must-change-password";
}
