using System.Security.Claims;
using Helpdesk.Triage.Routing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Helpdesk.Bot.Agents;

/// <summary>Signing in and out of the console, choosing a password, and the console page itself.</summary>
internal static class SignInEndpoints
{
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet("/agent/login", (HttpContext http, IAntiforgery antiforgery) => Html(http, AgentPages.SignIn(Field(http, antiforgery), Token(http, antiforgery), null)));

        // The forms carry an antiforgery token, checked first in each handler.
        app.MapPost("/agent/login", async (HttpContext http, IAntiforgery antiforgery, AgentAccounts accounts, RoutingConfiguration routing, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var account = await accounts.CheckAsync(form["id"].ToString().Trim(), form["password"].ToString(), cancellationToken);
            if (account is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Html(http, AgentPages.SignIn(Field(http, antiforgery), Token(http, antiforgery), "That agent id and password do not match."));
            }

            await SignInAsync(http, account, routing);
            return Results.Redirect(account.MustChangePassword ? "/agent/password" : "/agent");
        });

        app.MapGet("/agent/password", (HttpContext http, IAntiforgery antiforgery) => Html(http, AgentPages.ChoosePassword(Field(http, antiforgery), Token(http, antiforgery), null)))
            .RequireAuthorization(AgentPolicies.ChangingPassword);

        app.MapPost("/agent/password", async (HttpContext http, IAntiforgery antiforgery, AgentAccounts accounts, RoutingConfiguration routing, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var password = form["password"].ToString();
            var problem = await accounts.CheckAsync(id, form["current"].ToString(), cancellationToken) is null ? "The current password is not right."
                : password.Length < 12 ? "Choose at least 12 characters."
                : password != form["confirm"].ToString() ? "The two new passwords differ."
                : null;
            if (problem is not null)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Html(http, AgentPages.ChoosePassword(Field(http, antiforgery), Token(http, antiforgery), problem));
            }

            var account = (await accounts.FindAsync(id, cancellationToken))!;
            await accounts.SetPasswordAsync(id, account.Name, account.Role, password, oneTime: false, cancellationToken);
            await SignInAsync(http, account with { MustChangePassword = false }, routing);
            return Results.Redirect("/agent");
        }).RequireAuthorization(AgentPolicies.ChangingPassword);

        app.MapPost("/agent/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization(AgentPolicies.ChangingPassword).AddEndpointFilter<ConsoleRequestFilter>();

        app.MapGet("/agent", (HttpContext http, IWebHostEnvironment environment) =>
        {
            http.Response.Headers.ContentSecurityPolicy = AgentPages.Policy;
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(ConsolePage(environment), "text/html; charset=utf-8");
        }).RequireAuthorization(AgentPolicies.Agent);
        return app;
    }

    private static async Task SignInAsync(HttpContext http, AgentAccount account, RoutingConfiguration routing)
    {
        var rostered = routing.Agents.FirstOrDefault(a => a.Id == account.Id);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, rostered?.Name ?? account.Name),
            new(ClaimTypes.Role, (rostered?.Role ?? account.Role).ToString()),
        ];
        if (account.MustChangePassword) claims.Add(new Claim(AgentPolicies.MustChangePasswordClaim, "true"));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

    private static string ConsolePage(IWebHostEnvironment environment)
    {
        var beside = Path.Combine(environment.ContentRootPath, "AgentConsole", "console.html");
        return File.Exists(beside) ? beside : Path.Combine(AppContext.BaseDirectory, "AgentConsole", "console.html");
    }

    private static IResult Html(HttpContext http, string html)
    {
        http.Response.Headers.ContentSecurityPolicy = AgentPages.Policy;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Field(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).FormFieldName;

    private static string Token(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!;
}
