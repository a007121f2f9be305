using System.Text.RegularExpressions;
using Helpdesk.Triage.Entities;

namespace Helpdesk.Triage.Dialog;

/// <summary>Collecting what the agent needs, one question at a time, skipping whatever is already known.</summary>
internal sealed partial class DialogTurn
{
    private const string EmailSlot = "email";
    private const string PhoneSlot = "phone";
    private const string IdentitySlot = "identity";
    private const string CallbackSlot = "callback";

    /// <summary>Asks the first slot still missing, or shows the summary when nothing is.</summary>
    private void CollectNext()
    {
        var facts = _state.Facts;
        var choices = Prompts.Choices;
        if (facts.AccountId is null && !facts.NoAccountId)
        {
            Ask(Prompts.AskAccountId, TriageStage.AskingAccountId, new PendingChoice(Prompts.NoAccountId, "none"));
        }
        else if (facts.AccountId is null && facts.Email is null && !_state.HasSkipped(EmailSlot))
        {
            Ask(Prompts.AskEmail, TriageStage.AskingEmail, new PendingChoice(Prompts.Skip, "skip"));
        }
        else if (facts.Urgency is null)
        {
            Ask(Prompts.AskUrgency, TriageStage.AskingUrgency,
                new PendingChoice(choices.Critical, nameof(Urgency.Critical)), new PendingChoice(choices.High, nameof(Urgency.High)),
                new PendingChoice(choices.Medium, nameof(Urgency.Medium)), new PendingChoice(choices.Low, nameof(Urgency.Low)));
        }
        else if (facts.Callback is null)
        {
            AskCallback(Prompts.AskCallback, withSkip: false);
        }
        else if (facts.Callback == CallbackChannel.Email && facts.Email is null && !_state.HasSkipped(EmailSlot))
        {
            Ask(Prompts.AskEmail, TriageStage.AskingEmail, new PendingChoice(Prompts.Skip, "skip"));
        }
        else if (facts.Callback == CallbackChannel.Phone && facts.Phone is null && !_state.HasSkipped(PhoneSlot))
        {
            Ask(Prompts.AskPhone, TriageStage.AskingPhone, new PendingChoice(Prompts.Skip, "skip"));
        }
        else if (facts.Callback == CallbackChannel.Phone && facts.Phone is not null && facts.TimeWindow is null)
        {
            Ask(Prompts.AskTimeWindow, TriageStage.AskingTimeWindow,
                new PendingChoice(choices.Morning, choices.Morning), new PendingChoice(choices.Afternoon, choices.Afternoon),
                new PendingChoice(choices.AnyTime, choices.AnyTime));
        }
        else
        {
            ShowSummary();
        }
    }

    private void AskCallback(string question, bool withSkip)
    {
        var choices = Prompts.Choices;
        List<PendingChoice> options =
        [
            new(choices.Chat, nameof(CallbackChannel.Chat)), new(choices.Email, nameof(CallbackChannel.Email)), new(choices.Phone, nameof(CallbackChannel.Phone)),
        ];
        if (withSkip) options.Add(new PendingChoice(Prompts.Skip, "skip"));
        Ask(question, TriageStage.AskingCallback, options);
    }

    private void AnswerAccountId(string text)
    {
        var facts = _state.Facts;
        if (facts.AccountId is not null)
        {
            CollectNext();
        }
        else if (Answers.Pick(text, _state.Choices)?.Value == "none" || Answers.SaysNoAccountId(text) || facts.Email is not null)
        {
            UseEmailInstead();
        }
        else
        {
            Retry(Prompts.InvalidAccountId, maxAttempts: 3, UseEmailInstead);
        }
    }

    private void UseEmailInstead()
    {
        _state = _state with { Facts = _state.Facts with { NoAccountId = true } };
        if (_state.Facts.Email is null) Say(Prompts.AccountIdFallback);
        CollectNext();
    }

    private void AnswerEmail(string text)
    {
        if (_state.Facts.Email is not null)
        {
            CollectNext();
        }
        else if (Answers.Pick(text, _state.Choices)?.Value == "skip" || Answers.IsSkip(text))
        {
            SkipAndContinue(EmailSlot);
        }
        else
        {
            Retry(Prompts.InvalidEmail, maxAttempts: 3, () => SkipAndContinue(EmailSlot));
        }
    }

    private void AnswerPhone(string text)
    {
        if (_state.Facts.Phone is not null)
        {
            CollectNext();
        }
        else if (Answers.Pick(text, _state.Choices)?.Value == "skip" || Answers.IsSkip(text))
        {
            SkipAndContinue(PhoneSlot);
        }
        else
        {
            Retry(Prompts.InvalidPhone, maxAttempts: 3, () => SkipAndContinue(PhoneSlot));
        }
    }

    private void SkipAndContinue(string slot)
    {
        _state = _state.Skip(slot);
        CollectNext();
    }

    private void AnswerUrgency(string text)
    {
        var urgency = Enum.TryParse<Urgency>(Answers.Pick(text, _state.Choices)?.Value, out var picked) ? picked
            : Enum.TryParse<Urgency>(FirstWord(text), ignoreCase: true, out var typed) && Enum.IsDefined(typed) ? typed
            : _state.Facts.Urgency;
        if (urgency is not null)
        {
            SetFacts(_state.Facts with { Urgency = urgency });
            CollectNext();
        }
        else
        {
            Retry(Prompts.InvalidUrgency, maxAttempts: 2, () =>
            {
                SetFacts(_state.Facts with { Urgency = Options.DefaultUrgency });
                CollectNext();
            });
        }
    }

    private void AnswerCallback(string text)
    {
        var callback = ReadCallback(text);
        if (callback is not null)
        {
            SetFacts(_state.Facts with { Callback = callback });
            CollectNext();
        }
        else
        {
            Retry(Prompts.InvalidCallback, maxAttempts: 2, () =>
            {
                SetFacts(_state.Facts with { Callback = CallbackChannel.Chat });
                CollectNext();
            });
        }
    }

    private CallbackChannel? ReadCallback(string text) =>
        Enum.TryParse<CallbackChannel>(Answers.Pick(text, _state.Choices)?.Value, out var picked) ? picked
        : CallbackWord().Match(text) is { Success: true } word ? word.Value.ToLowerInvariant() switch
        {
            "chat" or "here" or "now" => CallbackChannel.Chat,
            "email" or "e-mail" or "mail" => CallbackChannel.Email,
            _ => CallbackChannel.Phone,
        }
        : _state.Facts.Callback;

    /// <summary>A call window: a button, a time the extractor recognised, or whatever the customer wrote ("evenings").</summary>
    private void AnswerTimeWindow(string text)
    {
        var window = Answers.Pick(text, _state.Choices)?.Title ?? _state.Facts.TimeWindow ?? (text.Length <= 100 ? text : text[..100]);
        SetFacts(_state.Facts with { TimeWindow = window });
        CollectNext();
    }

    private void SetFacts(TriageFacts facts) => _state = _state with { Facts = facts };

    private static string FirstWord(string text) => text.Split(' ', 2)[0].Trim('.', '!', ',');

    [GeneratedRegex(@"\b(chat|here|now|e-?mail|mail|phone|call|ring|telephone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallbackWord();
}
