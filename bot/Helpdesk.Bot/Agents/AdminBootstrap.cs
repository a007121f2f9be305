using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>
/// At first start, when no admin exists, creates the "admin" account with a one-time password and
/// prints it to the console (not into the logs, which may be shipped elsewhere); it must be changed
/// at the first sign-in. <c>Agents:AdminPassword</c>, when set, is used instead and not printed.
/// </summary>
internal sealed class AdminBootstrap(AgentAccounts accounts, IConfiguration configuration) : IHostedService
{
    public const string AdminId = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AnyAdminAsync(cancellationToken)) return;

        var configured = configuration["Agents:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? AgentAccounts.NewOneTimePassword() : configured;
        await accounts.SetPasswordAsync(AdminId, "Administrator", AgentRole.Admin, password, oneTime: string.IsNullOrEmpty(configured), cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            await Console.Out.WriteLineAsync($"Agent console: sign in at /agent as \"{AdminId}\" with the one-time password {password} (you will choose a new one).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
