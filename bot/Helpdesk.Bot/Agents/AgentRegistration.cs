using Helpdesk.Triage.Routing;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Helpdesk.Bot.Agents;

internal static class AgentRegistration
{
    /// <summary>The OpenAPI document's name: served at /openapi/agent-api.json.</summary>
    public const string AgentApiDocument = "agent-api";

    public static WebApplicationBuilder AddAgentConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AgentAccounts>();
        services.AddHostedService<AdminBootstrap>();
        services.AddSingleton<CaseActions>();
        services.AddSingleton<ICustomerChannel, CustomerChannel>();
        services.AddSingleton<ConsoleFeed>();
        services.AddHostedService<ConsoleFeedDispatcher>();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<EscalationSweep>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddOpenApi(AgentApiDocument, document =>
        {
            document.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true
                && description.RelativePath != "api/chat/session";
            document.AddDocumentTransformer((openApi, _, _) =>
            {
                openApi.Info.Title = "Helpdesk.Bot agent API";
                openApi.Info.Description = "What the agent console does, for other tools: sign in at /agent/login (cookie), send X-Helpdesk-Console: 1 with every POST.";
                return Task.CompletedTask;
            });
        });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/agent/login";
            cookie.AccessDeniedPath = "/agent/login";
            cookie.Cookie.Name = "helpdesk.agent";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;

            // The API answers with status codes; only pages are sent to the sign-in form.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AgentPolicies.Agent, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == AgentPolicies.MustChangePasswordClaim)))
            .AddPolicy(AgentPolicies.Supervisor, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == AgentPolicies.MustChangePasswordClaim))
                .RequireRole(nameof(AgentRole.Supervisor), nameof(AgentRole.Admin)))
            .AddPolicy(AgentPolicies.Admin, policy => policy.RequireAuthenticatedUser()
                .RequireAssertion(context => !context.User.HasClaim(c => c.Type == AgentPolicies.MustChangePasswordClaim))
                .RequireRole(nameof(AgentRole.Admin)))
            .AddPolicy(AgentPolicies.ChangingPassword, policy => policy.RequireAuthenticatedUser());
        return builder;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
