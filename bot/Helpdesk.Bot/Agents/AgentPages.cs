using System.Text.Encodings.Web;

namespace Helpdesk.Bot.Agents;

/// <summary>The two small server-rendered pages of the console: sign-in and choosing a new password.
/// Every dynamic value is HTML-encoded; the forms carry an antiforgery token.</summary>
internal static class AgentPages
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static string SignIn(string antiforgeryField, string antiforgeryToken, string? problem) => Page("Sign in", $"""
        <form method="post" action="/agent/login" class="card">
          <h1>Agent console</h1>
          {Problem(problem)}
          <input type="hidden" name="{Encode(antiforgeryField)}" value="{Encode(antiforgeryToken)}">
          <label>Agent id <input name="id" autocomplete="username" required autofocus></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Sign in</button>
        </form>
        """);

    public static string ChoosePassword(string antiforgeryField, string antiforgeryToken, string? problem) => Page("Choose a password", $"""
        <form method="post" action="/agent/password" class="card">
          <h1>Choose your password</h1>
          <p>You signed in with a one-time password. Choose your own (at least 12 characters) to continue.</p>
          {Problem(problem)}
          <input type="hidden" name="{Encode(antiforgeryField)}" value="{Encode(antiforgeryToken)}">
          <label>One-time password <input name="current" type="password" autocomplete="current-password" required autofocus></label>
          <label>New password <input name="password" type="password" autocomplete="new-password" minlength="12" required></label>
          <label>New password again <input name="confirm" type="password" autocomplete="new-password" minlength="12" required></label>
          <button type="submit">Save and continue</button>
        </form>
        """);

    private static string Problem(string? problem) => problem is null ? "" : $"<p class=\"problem\" role=\"alert\">{Encode(problem)}</p>";

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{Encode(title)} · Northbeam Support</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml">
          <link rel="stylesheet" href="/agent-assets/sign-in.css">
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
