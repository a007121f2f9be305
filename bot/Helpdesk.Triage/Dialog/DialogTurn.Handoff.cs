using System.Globalization;
using Helpdesk.Channels.Replies;
using Helpdesk.Triage.Cases;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Dialog;

/// <summary>Getting to a person: the summary, the escape hatch with at most two skippable
/// questions, and the case itself.</summary>
internal sealed partial class DialogTurn
{
    private const int MaxEssentialQuestions = 2;

    private void Escalate(HandoffReason reason, string text)
    {
        // Asking after the bot failed twice is the bot's failure, and the agent should know it.
        if (reason == HandoffReason.Asked && _state.FailedRepairs >= 2) reason = HandoffReason.NotUnderstood;

        // "My thermostat is stuck, get me a person" says what the problem is: keep it, and route by it when clear.
        _state = _state with { Handoff = reason, Problem = _state.Problem ?? text };
        if (_state.Intent is null && context.Classifier.Predict(text) is { IsOutOfScope: false } prediction
            && prediction.Confidence >= Options.HighConfidence && prediction.Label != HumanIntent)
        {
            _state = _state with { Intent = new IntentGuess(prediction.Label, prediction.Confidence, [.. prediction.Alternatives.Select(a => new IntentChoice(a.Label, a.Confidence))], Confirmed: false) };
        }

        Say(Prompts.Escalating);
        AskNextEssential(text);
    }

    /// <summary>Only what a person cannot do without: who the customer is and how to reach them.</summary>
    private void AskNextEssential(string text)
    {
        var facts = _state.Facts;
        var canAsk = _state.EssentialQuestions < MaxEssentialQuestions;
        if (canAsk && !facts.HasIdentity && !_state.HasSkipped(IdentitySlot))
        {
            CountEssential();
            Ask(Prompts.AskIdentityQuickly, TriageStage.AskingAccountId, new PendingChoice(Prompts.Skip, "skip"));
        }
        else if (canAsk && facts.Callback is null && !_state.HasSkipped(CallbackSlot))
        {
            CountEssential();
            AskCallback(Prompts.AskCallbackQuickly, withSkip: true);
        }
        else if (canAsk && facts.Callback == CallbackChannel.Email && facts.Email is null && !_state.HasSkipped(EmailSlot))
        {
            CountEssential();
            Ask(Prompts.AskEmail, TriageStage.AskingEmail, new PendingChoice(Prompts.Skip, "skip"));
        }
        else if (canAsk && facts.Callback == CallbackChannel.Phone && facts.Phone is null && !_state.HasSkipped(PhoneSlot))
        {
            CountEssential();
            Ask(Prompts.AskPhone, TriageStage.AskingPhone, new PendingChoice(Prompts.Skip, "skip"));
        }
        else
        {
            CreateCase(_state.Handoff ?? HandoffReason.Asked, text);
        }
    }

    private void CountEssential() => _state = _state with { EssentialQuestions = _state.EssentialQuestions + 1 };

    /// <summary>On the way to a person every answer moves on: a usable answer fills the slot, anything
    /// else counts as skipped (and stays in the transcript for the agent).</summary>
    private void AnswerEssentialQuestion(string text)
    {
        var skipped = Answers.Pick(text, _state.Choices)?.Value == "skip" || Answers.IsSkip(text);
        switch (_state.Stage)
        {
            case TriageStage.AskingAccountId when skipped || !_state.Facts.HasIdentity:
                _state = _state.Skip(IdentitySlot);
                break;
            case TriageStage.AskingCallback:
                var callback = skipped ? null : ReadCallback(text);
                _state = callback is null ? _state.Skip(CallbackSlot) : _state with { Facts = _state.Facts with { Callback = callback } };
                break;
            case TriageStage.AskingEmail when _state.Facts.Email is null:
                _state = _state.Skip(EmailSlot);
                break;
            case TriageStage.AskingPhone when _state.Facts.Phone is null:
                _state = _state.Skip(PhoneSlot);
                break;
        }

        AskNextEssential(text);
    }

    private void ShowSummary()
    {
        var labels = Prompts.SummaryLabels;
        var facts = _state.Facts;
        var lines = new List<SummaryFact>
        {
            new(labels.Problem, _state.Problem ?? labels.NotGiven),
            new(labels.Topic, _state.Intent is { } intent ? Prompts.IntentName(intent.Label) : labels.NotGiven),
            new(labels.Account, facts.AccountId ?? labels.NotGiven),
        };
        if (facts.Email is not null) lines.Add(new(labels.Email, facts.Email));
        lines.Add(new(labels.Urgency, UrgencyName(facts.Urgency ?? Options.DefaultUrgency)));
        lines.Add(new(labels.Contact, Via(Callback(facts), facts)));
        lines.Add(new(labels.Articles, _state.Articles.Count == 0 ? labels.None : string.Join("; ", _state.Articles.Select(a => a.Title))));

        _replies.Add(new BotReply { Summary = new SummaryCard(Prompts.SummaryTitle, lines) });
        Ask(Prompts.SummaryPrompt, TriageStage.ConfirmingSummary,
            new PendingChoice(Prompts.SendIt, "send"), new PendingChoice(Prompts.StartOver, "restart"));
    }

    private void AnswerSummary(string text)
    {
        var picked = Answers.Pick(text, _state.Choices)?.Value;
        if (picked == "send" || (picked is null && Answers.IsYes(text)))
        {
            CreateCase(_state.Handoff ?? HandoffReason.NotSolved, text);
        }
        else if (picked == "restart")
        {
            Restart();
        }
        else
        {
            // A correction already changed the facts; anything else is more detail for the agent.
            if (_state.Facts == _factsBefore) _state = _state with { Problem = _state.Problem + " " + text };
            Say(Prompts.SummaryUpdated);
            ShowSummary();
        }
    }

    private void CreateCase(HandoffReason reason, string text)
    {
        var facts = _state.Facts with { Callback = Callback(_state.Facts) };
        var urgency = facts.Urgency ?? Options.DefaultUrgency;
        _newCase = new CaseDraft(_state.Problem ?? text, _state.Intent, facts, urgency, _state.Articles, _state.Signals, reason, input.ChannelId)
        {
            ActivityId = input.ActivityId,
        };
        _state = _state with
        {
            Facts = facts,
            Handoff = reason,
            Outcome = ConversationOutcome.HandedOff,
            CaseReference = CaseDraft.ReferencePlaceholder,
        };

        if (context.JoiningCase is not null)
        {
            Ask(TriagePrompts.Fill(Prompts.CaseJoined, ("reference", CaseDraft.ReferencePlaceholder), ("via", Via(facts.Callback!.Value, facts))), TriageStage.HandedOff);
            return;
        }

        // Without a plan yet (the processor's first pass) there is no promise to make; it is never shown.
        var plan = context.Plan;
        var level = plan?.Priority.Level ?? urgency;
        Ask(TriagePrompts.Fill(Prompts.CaseCreated,
            ("reference", CaseDraft.ReferencePlaceholder), ("target", plan is null ? "" : Promise(plan.Promise)),
            ("urgency", UrgencyName(level).ToLowerInvariant()), ("via", Via(facts.Callback!.Value, facts))),
            TriageStage.HandedOff);
    }

    private void AddToCase(string text)
    {
        _caseNote = text;
        var facts = _state.Facts;
        RepeatQuestionAfter(TriagePrompts.Fill(Prompts.AddedToCase, ("reference", _state.CaseReference ?? ""), ("via", Via(Callback(facts), facts))));
    }

    /// <summary>The callback the case can honour: email or phone only with the detail to use, else the chat.</summary>
    private static CallbackChannel Callback(TriageFacts facts) => facts.Callback switch
    {
        CallbackChannel.Email when facts.Email is not null => CallbackChannel.Email,
        CallbackChannel.Phone when facts.Phone is not null => CallbackChannel.Phone,
        _ => CallbackChannel.Chat,
    };

    private string Via(CallbackChannel callback, TriageFacts facts) => callback switch
    {
        CallbackChannel.Email => TriagePrompts.Fill(Prompts.ViaEmail, ("email", facts.Email ?? "")),
        CallbackChannel.Phone => TriagePrompts.Fill(Prompts.ViaPhone, ("phone", facts.Phone ?? ""), ("window", facts.TimeWindow ?? Prompts.Choices.AnyTime)),
        _ => Prompts.ViaChat,
    };

    private string UrgencyName(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Prompts.Choices.Critical,
        Urgency.High => Prompts.Choices.High,
        Urgency.Medium => Prompts.Choices.Medium,
        _ => Prompts.Choices.Low,
    };

    private string Promise(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(1)) return Prompts.TargetImmediately;
        var duration = wait.TotalHours >= 1 ? Plural(wait.TotalHours, "hour") : Plural(Math.Ceiling(wait.TotalMinutes), "minute");
        return TriagePrompts.Fill(Prompts.TargetWithin, ("duration", duration));
    }

    private static string Plural(double amount, string unit)
    {
        var rounded = Math.Round(amount, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{rounded} {unit}{(rounded == 1 ? "" : "s")}");
    }
}
