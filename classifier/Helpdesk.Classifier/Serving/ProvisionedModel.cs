using Helpdesk.Classifier.Model;

namespace Helpdesk.Classifier.Serving;

/// <summary>The model the host starts with, and how it was obtained.</summary>
/// <param name="Reason">Why the cached model was not used as it was (missing, stale, unreadable), or null.</param>
public sealed record ProvisionedModel(IntentModel Model, bool Trained, string? Reason);
