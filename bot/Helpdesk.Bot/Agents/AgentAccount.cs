using Helpdesk.Triage.Routing;

namespace Helpdesk.Bot.Agents;

/// <summary>Someone who signs in to the console: the id (as in routing.json), name, role and the
/// password hash (PBKDF2 via ASP.NET Core Identity's hasher). A one-time password must be changed
/// at the first sign-in.</summary>
internal sealed record AgentAccount(string Id, string Name, AgentRole Role, string PasswordHash, bool MustChangePassword);
