using Helpdesk.Bot.Hosting;
using Helpdesk.Classifier.Model;
using Helpdesk.Classifier.Serving;
using Helpdesk.Classifier.Training;
using Helpdesk.Triage.Telemetry;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Classifier;

internal static partial class ClassifierRegistration
{
    public static WebApplicationBuilder AddIntentClassifier(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => CreateClassifier(services, builder.Environment, builder.Configuration));
        builder.Services.AddSingleton<IIntentClassifier>(services => new TracedIntentClassifier(
            services.GetRequiredService<ReloadingIntentClassifier>(), services.GetRequiredService<HelpdeskTelemetry>()));
        builder.Services.AddHealthChecks().AddCheck<ClassifierHealthCheck>("intent-model", tags: ["ready"]);
        return builder;
    }

    private static ReloadingIntentClassifier CreateClassifier(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration)
    {
        var options = services.GetRequiredService<IOptions<ClassifierOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILogger<ReloadingIntentClassifier>>();
        var source = new ModelSource
        {
            ModelPath = Path.Combine(DataDirectory.Resolve(configuration, environment), options.ModelPath),
            TrainingData = options.TrainingData.Where(path => !string.IsNullOrWhiteSpace(path)).Select(path => Path.Combine(AppContext.BaseDirectory, path)).ToList(),
            Trainer = new TrainerOptions
            {
                OutOfScopeLabel = string.IsNullOrWhiteSpace(options.OutOfScopeLabel) ? null : options.OutOfScopeLabel,
                Seed = options.Seed,
            },
        };

        var provisioned = new ModelProvisioner(time).Provision(source);
        if (provisioned.Trained)
        {
            LogTrained(logger, source.ModelPath, provisioned.Reason ?? "", provisioned.Model.Metadata.TrainingSeconds);
        }

        return new ReloadingIntentClassifier(source.ModelPath, provisioned.Model, time, logger);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Trained the intent model into {Path} ({Reason}) in {Seconds:F1} s")]
    private static partial void LogTrained(ILogger logger, string path, string reason, double seconds);
}
