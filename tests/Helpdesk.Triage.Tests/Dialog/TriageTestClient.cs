using System.Diagnostics.Metrics;
using System.Text.Json;
using Helpdesk.Channels.DirectLine;
using Helpdesk.Channels.Schema;
using Helpdesk.Channels.Storage;
using Helpdesk.Tests.Shared;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Dialog;
using Helpdesk.Triage.Entities;
using Helpdesk.Triage.Customers;
using Helpdesk.Triage.Processing;
using Helpdesk.Triage.Routing;
using Helpdesk.Triage.Storage;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Triage.Tests.Dialog;

/// <summary>
/// Drives the real turn pipeline (activity → processor → dialog → SQLite → rendered replies) the way
/// a channel does, one activity at a time — the role DialogTestClient plays for Bot Framework bots.
/// The prompts are the shipped prompts.json, so a wording change is seen here first.
/// </summary>
internal sealed class TriageTestClient : IDisposable
{
    private static readonly TriagePrompts ShippedPrompts = TriagePrompts.Load(RepositoryFiles.Path("bot", "Helpdesk.Bot", "prompts.json"));
    private readonly TemporaryDirectory _directory;
    private readonly ConversationLocks _locks = new();
    private readonly TriageContext _context;
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly HelpdeskTelemetry _telemetry;
    private int _sequence;

    public TriageTestClient(ScriptedClassifier classifier, ScriptedArticles? articles = null, TemporaryDirectory? directory = null, string conversationId = "conv-1", string userId = "dl_user-1")
    {
        _directory = directory ?? new TemporaryDirectory();
        OwnsDirectory = directory is null;
        ConversationId = conversationId;
        UserId = userId;
        Store = new SqlTriageStore(new SqliteDatabase(_directory.Path("triage.db")));
        Presence = new AgentPresence(Store, Time);
        _context = new TriageContext(classifier, articles ?? new ScriptedArticles(), new EntityExtractor(new EntityOptions()), ShippedPrompts, new TriageOptions());
        Directory = new InMemoryCustomerDirectory(CustomerFileReader.Read(RepositoryFiles.Path("bot", "Helpdesk.Bot", "customers.json"), CustomerFileReader.AccountIdRegex(FileCustomerDirectory.DefaultAccountIdPattern)));
        var handoffs = new HandoffPlanning(Directory, new StoreQueueMonitor(Store, ShippedRouting, Presence), ShippedRouting);
        _telemetry = new HelpdeskTelemetry(_meters.GetRequiredService<IMeterFactory>());
        Processor = new TurnProcessor(Store, _context, handoffs, _locks, Time, _telemetry, NullLogger<TurnProcessor>.Instance);
    }

    public static TriagePrompts Prompts => ShippedPrompts;

    public static RoutingConfiguration ShippedRouting { get; } = RoutingFile.Load(RepositoryFiles.Path("bot", "Helpdesk.Bot", "routing.json"));

    public InMemoryCustomerDirectory Directory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public SqlTriageStore Store { get; }

    /// <summary>Nobody is online unless a test connects an agent.</summary>
    public AgentPresence Presence { get; }

    public TurnProcessor Processor { get; }

    public string ConversationId { get; }

    public string UserId { get; }

    private bool OwnsDirectory { get; }

    public Task<IReadOnlyList<Activity>> JoinAsync() => Processor.ProcessAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = NextId(),
        ChannelId = "directline",
        Conversation = new ConversationAccount { Id = ConversationId },
        From = new ChannelAccount { Id = UserId, Role = "user" },
        Recipient = new ChannelAccount { Id = "helpdesk-bot", Role = "bot" },
        MembersAdded = [new ChannelAccount { Id = "helpdesk-bot" }, new ChannelAccount { Id = UserId }],
    }, CancellationToken.None);

    public Task<IReadOnlyList<Activity>> SendAsync(string text, string? activityId = null)
    {
        Time.Advance(TimeSpan.FromSeconds(5));
        return Processor.ProcessAsync(Message(text, activityId ?? NextId()), CancellationToken.None);
    }

    /// <summary>An engagement hub's <c>handoff.status</c> event, as Direct Line hands it over when the hub
    /// posted it with the secret (or, with <paramref name="fromBackEnd"/> false, as the customer's client would).</summary>
    public Task<IReadOnlyList<Activity>> HandoffStatusAsync(string state, bool fromBackEnd = true)
    {
        Time.Advance(TimeSpan.FromSeconds(5));
        return Processor.ProcessAsync(new Activity
        {
            Type = ActivityTypes.Event,
            Name = HandoffEventNames.Status,
            Id = NextId(),
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = ConversationId },
            From = new ChannelAccount { Id = "engagement-hub", Role = "user" },
            Recipient = new ChannelAccount { Id = "helpdesk-bot", Role = "bot" },
            Value = JsonDocument.Parse($$"""{"state":"{{state}}","message":"from the test"}""").RootElement.Clone(),
            CallerId = fromBackEnd ? DirectLineServer.SecretHolderCallerId : null,
        }, CancellationToken.None);
    }

    public Activity Message(string text, string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        Text = text,
        ChannelId = "directline",
        Conversation = new ConversationAccount { Id = ConversationId },
        From = new ChannelAccount { Id = UserId, Role = "user" },
        Recipient = new ChannelAccount { Id = "helpdesk-bot", Role = "bot" },
    };

    public async Task<TriageState> StateAsync() => (await Store.LoadAsync(ConversationId, CancellationToken.None))!.State;

    public Task<StoredCase?> CaseAsync(string reference) => Store.FindCaseAsync(reference, CancellationToken.None);

    public void Dispose()
    {
        _locks.Dispose();
        _telemetry.Dispose();
        _meters.Dispose();
        if (OwnsDirectory) _directory.Dispose();
    }

    private string NextId() => $"{ConversationId}|{++_sequence:D7}";
}
