using System.CommandLine;
using System.Globalization;
using Helpdesk.Classifier.Training;

namespace Helpdesk.Classifier.Cli.Commands;

/// <summary>The training knobs shared by <c>train</c> and <c>cross-validate</c>; defaults come from
/// <see cref="TrainerOptions"/>, so the command line and the library never disagree.</summary>
internal sealed class TrainerOptionsBinding
{
    private static readonly TrainerOptions Defaults = new();

    private readonly Option<string?> _oosLabel = DataOptions.OutOfScopeLabel();
    private readonly Option<int> _seed = DataOptions.Seed();
    private readonly Option<double> _learningRate = new("--learning-rate")
    {
        Description = "AdaGrad step size.",
        DefaultValueFactory = _ => Defaults.LearningRate,
    };

    private readonly Option<double> _l2 = new("--l2")
    {
        Description = "L2 penalty on the weights an example touches.",
        DefaultValueFactory = _ => Defaults.L2,
    };

    private readonly Option<string> _charNgrams = new("--char-ngrams")
    {
        Description = "Character n-gram lengths, as MIN-MAX.",
        DefaultValueFactory = _ => $"{Defaults.Featurizer.CharNgramMin}-{Defaults.Featurizer.CharNgramMax}",
    };

    private readonly Option<int> _wordNgrams = new("--word-ngrams")
    {
        Description = "Longest word n-gram.",
        DefaultValueFactory = _ => Defaults.Featurizer.WordNgramMax,
    };

    private readonly Option<int> _minDf = new("--min-df")
    {
        Description = "Drop n-grams seen in fewer training utterances.",
        DefaultValueFactory = _ => Defaults.Featurizer.MinDocumentFrequency,
    };

    private readonly Option<double> _validation = new("--validation-fraction")
    {
        Description = "Share of each label held back for early stopping, calibration and the threshold.",
        DefaultValueFactory = _ => Defaults.ValidationFraction,
    };

    private readonly Option<double> _maxLoss = new("--max-in-scope-loss")
    {
        Description = "In-scope accuracy the out-of-scope threshold may cost on validation data.",
        DefaultValueFactory = _ => Defaults.MaxInScopeAccuracyLoss,
    };

    private readonly Option<bool> _noRefit = new("--no-refit")
    {
        Description = "Keep the model trained on the training split instead of the one trained on all data.",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _oosLabel, _seed, _learningRate, _l2, _charNgrams, _wordNgrams, _minDf, _validation, _maxLoss, _noRefit })
        {
            command.Options.Add(option);
        }
    }

    public TrainerOptions Bind(ParseResult parse)
    {
        var range = parse.GetValue(_charNgrams)!.Split('-');
        if (range.Length != 2 || !int.TryParse(range[0], CultureInfo.InvariantCulture, out var min) || !int.TryParse(range[1], CultureInfo.InvariantCulture, out var max))
        {
            throw new ArgumentException($"--char-ngrams must look like 2-5, not '{parse.GetValue(_charNgrams)}'.");
        }

        return new TrainerOptions
        {
            Seed = parse.GetValue(_seed),
            OutOfScopeLabel = parse.GetValue(_oosLabel),
            LearningRate = parse.GetValue(_learningRate),
            L2 = parse.GetValue(_l2),
            ValidationFraction = parse.GetValue(_validation),
            MaxInScopeAccuracyLoss = parse.GetValue(_maxLoss),
            RefitOnAllData = !parse.GetValue(_noRefit),
            Featurizer = Defaults.Featurizer with
            {
                CharNgramMin = min,
                CharNgramMax = max,
                WordNgramMax = parse.GetValue(_wordNgrams),
                MinDocumentFrequency = parse.GetValue(_minDf),
            },
        };
    }
}
