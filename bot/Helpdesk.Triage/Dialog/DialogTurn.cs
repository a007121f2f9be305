using System.Text.RegularExpressions;
using Helpdesk.Channels.Replies;
using Helpdesk.Triage.Cases;

namespace Helpdesk.Triage.Dialog;

/// <summary>
/// One step of the triage dialog. Mutable only within the step: it starts from the loaded state
/// and collects replies; <see cref="TriageDialog.Step"/> is the way in. The order of checks is the
/// promise to the customer: global commands work everywhere, frustration goes straight to a person,
/// and only then does the current question get its answer.
/// </summary>
internal sealed partial class DialogTurn(TriageState state, TurnInput input, TriageContext context)
{
    private readonly List<BotReply> _replies = [];
    private readonly TriageFacts _factsBefore = state.Facts;
    private TriageState _state = state;
    private CaseDraft? _newCase;
    private string? _caseNote;
    private int? _rating;
    private Classification? _classified;

    private TriagePrompts Prompts => context.Prompts;

    private TriageOptions Options => context.Options;

    public TurnResult Run()
    {
        if (input.Kind == TurnKind.Join)
        {
            Greet();
            return Result();
        }

        if (input.Kind == TurnKind.HandoffStatus)
        {
            FollowHandoffStatus(input.Handoff!.Value);
            return Result();
        }

        var text = Clean(input.Text);
        if (text.Length == 0) return Result();

        _state = _state with { Greeted = true, Facts = _state.Facts.Merge(context.Entities.Extract(text)) };
        if (_state.Facts.AccountId is null && context.KnownAccountId is { } known) _state = _state with { Facts = _state.Facts with { AccountId = known } };
        var signals = FrustrationDetector.Signals(text);
        if (signals.Count > 0) _state = _state with { Signals = _state.Signals.Union(signals).ToList() };

        if (_state.Stage == TriageStage.HandedOff && (context.CaseHandling == CaseHandling.AgentActive || _state.HandoffAccepted))
        {
            // A person has the conversation, one of our agents or one on the engagement hub: everything
            // the customer says goes to the case, nothing from the bot.
            _caseNote = text;
            return Result();
        }

        if (_state.Stage == TriageStage.HandedOff && context.CaseHandling == CaseHandling.Resolved)
        {
            TakeBackAfterResolution(text);
            return Result();
        }

        if (RunGlobalCommand(text)) return Result();

        if (_state.Stage == TriageStage.HandedOff)
        {
            AddToCase(text);
        }
        else if (FrustrationDetector.IsFrustrated(signals))
        {
            Say(Prompts.Frustrated);
            CreateCase(HandoffReason.Frustrated, text);
        }
        else if (_state.Handoff is not null)
        {
            AnswerEssentialQuestion(text);
        }
        else
        {
            AnswerCurrentQuestion(text);
        }

        return Result();
    }

    private void AnswerCurrentQuestion(string text)
    {
        switch (_state.Stage)
        {
            case TriageStage.Disambiguating: AnswerDidYouMean(text); break;
            case TriageStage.OfferingPerson: AnswerOfferOfPerson(text); break;
            case TriageStage.ArticlesOffered: AnswerArticles(text); break;
            case TriageStage.AskingAccountId: AnswerAccountId(text); break;
            case TriageStage.AskingEmail: AnswerEmail(text); break;
            case TriageStage.AskingUrgency: AnswerUrgency(text); break;
            case TriageStage.AskingCallback: AnswerCallback(text); break;
            case TriageStage.AskingPhone: AnswerPhone(text); break;
            case TriageStage.AskingTimeWindow: AnswerTimeWindow(text); break;
            case TriageStage.ConfirmingSummary: AnswerSummary(text); break;
            case TriageStage.Resolved: AnswerSelfServiceRating(text); break;
            default: Understand(text, isFollowUp: false); break;
        }
    }

    private bool RunGlobalCommand(string text)
    {
        switch (GlobalCommands.Recognise(text))
        {
            case GlobalCommand.Agent when _state.Stage != TriageStage.HandedOff:
                Escalate(HandoffReason.Asked, text);
                return true;
            case GlobalCommand.Restart:
                Restart();
                return true;
            case GlobalCommand.Cancel:
                Cancel();
                return true;
            case GlobalCommand.Help:
                RepeatQuestionAfter(Prompts.Help);
                return true;
            case GlobalCommand.Status:
                var reference = CaseReference.Find(text)!;
                RepeatQuestionAfter(context.RequestedCase is { } found
                    ? TriagePrompts.Fill(Prompts.CaseStatus, ("reference", found.Reference), ("status", found.Status), ("opened", found.OpenedAt.ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)))
                    : TriagePrompts.Fill(Prompts.CaseNotFound, ("reference", reference)));
                return true;
            default:
                return false;
        }
    }

    private void Greet()
    {
        if (_state.Greeted) return;
        _state = _state with { Greeted = true };
        Ask(Prompts.Greeting, TriageStage.AwaitingProblem);
    }

    private void Restart()
    {
        var facts = _state.Facts;
        _state = new TriageState
        {
            Greeted = true,
            Facts = new TriageFacts { AccountId = facts.AccountId, NoAccountId = facts.NoAccountId, Email = facts.Email, Phone = facts.Phone },
            Transcript = _state.Transcript,
        };
        Ask(Prompts.Restarted, TriageStage.AwaitingProblem);
    }

    private void Cancel()
    {
        if (_state.Stage == TriageStage.HandedOff)
        {
            RepeatQuestionAfter(TriagePrompts.Fill(Prompts.NothingToCancel, ("reference", _state.CaseReference ?? "")));
            return;
        }

        var wasInProgress = _state.Stage is not (TriageStage.New or TriageStage.AwaitingProblem or TriageStage.Resolved);
        _state = _state with
        {
            Outcome = wasInProgress ? ConversationOutcome.Abandoned : _state.Outcome,
            Handoff = null,
            EssentialQuestions = 0,
            Intent = null,
            Problem = null,
            Articles = [],
            FailedRepairs = 0,
        };
        Ask(Prompts.Cancelled, TriageStage.AwaitingProblem);
    }

    /// <summary>Answers a side question (help, status) and puts the pending question's buttons back,
    /// so the customer can carry on where they were.</summary>
    private void RepeatQuestionAfter(string answer) =>
        _replies.Add(BotReply.Say(answer, [.. _state.Choices.Select(c => c.Title)]));

    private void Say(string text, IReadOnlyList<ArticleCard>? articles = null) =>
        _replies.Add(new BotReply { Text = text, Articles = articles ?? [] });

    private void Ask(string question, TriageStage stage, params IReadOnlyList<PendingChoice> choices)
    {
        _state = _state.At(stage, choices) with { Question = question };
        _replies.Add(BotReply.Say(question, [.. choices.Select(c => c.Title)]));
    }

    /// <summary>Asks the same question again, or gives up on it after <paramref name="maxAttempts"/>
    /// failures, so no question can trap the customer.</summary>
    private void Retry(string prompt, int maxAttempts, Action giveUp)
    {
        var attempts = _state.Attempts + 1;
        if (attempts >= maxAttempts)
        {
            giveUp();
            return;
        }

        var choices = _state.Choices;
        _state = _state with { Attempts = attempts };
        _replies.Add(BotReply.Say(prompt, [.. choices.Select(c => c.Title)]));
    }

    /// <summary>The agent resolved the case: a number from 1 to 5 is the rating asked for; anything else is a new request.</summary>
    private void TakeBackAfterResolution(string text)
    {
        if (Answers.Rating(text) is { } rating)
        {
            _rating = rating;
            ForgetTheCase();
            Ask(Prompts.ThanksForRating, TriageStage.AwaitingProblem);
            return;
        }

        ForgetTheCase();
        if (!RunGlobalCommand(text)) Understand(text, isFollowUp: false);
    }

    /// <summary>The case is done: the conversation starts afresh, knowing who the customer is.</summary>
    private void ForgetTheCase()
    {
        _state = _state.At(TriageStage.AwaitingProblem) with { Handoff = null, EssentialQuestions = 0, CaseReference = null, HandoffAccepted = false };
    }

    private TurnResult Result() => new(_state, _replies, _newCase, _caseNote, _rating, _classified);

    private string Clean(string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length <= Options.MaxMessageLength ? collapsed : collapsed[..Options.MaxMessageLength];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
