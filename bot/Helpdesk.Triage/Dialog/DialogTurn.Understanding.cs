using Helpdesk.Channels.Replies;

namespace Helpdesk.Triage.Dialog;

/// <summary>Understanding the problem: classify, confirm when unsure, offer articles, never loop.</summary>
internal sealed partial class DialogTurn
{
    private const string SomethingElseValue = "something-else";
    private const string GreetingIntent = "greeting";
    private const string GoodbyeIntent = "goodbye_thanks";
    private const string HumanIntent = "talk_to_human";

    private void Understand(string text, bool isFollowUp)
    {
        if (!isFollowUp && _state.Stage is TriageStage.Resolved or TriageStage.AwaitingProblem or TriageStage.New)
        {
            // A new problem: what was tried for the last one no longer applies; who the customer is still does.
            _state = _state with { Problem = null, Intent = null, Articles = [], Outcome = ConversationOutcome.Open };
        }

        var problem = _state.Problem is { } earlier && isFollowUp ? earlier + " " + text : text;
        var prediction = context.Classifier.Predict(problem, 3);
        var alternatives = prediction.Alternatives.Select(a => new IntentChoice(a.Label, a.Confidence)).ToList();
        var best = alternatives.FirstOrDefault();

        if (!prediction.IsOutOfScope && prediction.Confidence >= Options.HighConfidence)
        {
            _classified = new Classification(prediction.Label, prediction.Confidence, ClassificationDecision.Acted);
            Proceed(new IntentGuess(prediction.Label, prediction.Confidence, alternatives, Confirmed: false), problem, text);
        }
        else if (best is not null && best.Confidence >= Options.MediumConfidence)
        {
            _classified = new Classification(prediction.Label, prediction.Confidence, ClassificationDecision.Asked);
            // Remembered unconfirmed, so the pick below keeps the classifier's view for the agent.
            _state = _state with { Problem = problem, Intent = new IntentGuess(best.Label, best.Confidence, alternatives, Confirmed: false) };
            var choices = alternatives.Where(a => a.Confidence >= Options.MediumConfidence / 2).Take(3)
                .Select(a => new PendingChoice(Prompts.IntentName(a.Label), a.Label))
                .Append(new PendingChoice(Prompts.SomethingElse, SomethingElseValue)).ToList();
            Ask(Prompts.DidYouMean, TriageStage.Disambiguating, choices);
        }
        else
        {
            _classified = new Classification(prediction.Label, prediction.Confidence, ClassificationDecision.NotUnderstood);
            _state = _state with { Problem = problem };
            NotUnderstood(text);
        }
    }

    private void Proceed(IntentGuess intent, string problem, string text)
    {
        switch (intent.Label)
        {
            case GreetingIntent:
                Ask(Prompts.GreetingAgain, TriageStage.AwaitingProblem);
                return;
            case GoodbyeIntent:
                Say(Prompts.Goodbye);
                return;
            case HumanIntent:
                Escalate(HandoffReason.Asked, text);
                return;
        }

        _state = _state with { Intent = intent, Problem = problem, FailedRepairs = 0 };
        var suggestions = context.Articles.Suggest(problem, intent.Label, intent.Confidence).Take(2).ToList();
        if (suggestions.Count == 0)
        {
            Say(Prompts.NoArticles);
            CollectNext();
            return;
        }

        _state = _state with { Articles = [.. _state.Articles, .. suggestions.Select(s => new ArticleOffer(s.Id, s.Title))] };
        Say(Prompts.ArticlesIntro, [.. suggestions.Select(s => new ArticleCard(s.Id, s.Title, s.Summary, Options.ArticleBaseUrl + s.Id))]);
        Ask(Prompts.DidItSolve, TriageStage.ArticlesOffered,
            new PendingChoice(Prompts.Solved, "yes"), new PendingChoice(Prompts.NotSolved, "no"));
    }

    private void AnswerDidYouMean(string text)
    {
        var picked = Answers.Pick(text, _state.Choices);
        if (picked?.Value == SomethingElseValue)
        {
            NotUnderstood(text, Prompts.Rephrase);
        }
        else if (picked is not null)
        {
            var alternatives = _state.Intent?.Alternatives ?? [];
            var confidence = alternatives.FirstOrDefault(a => a.Label == picked.Value)?.Confidence ?? 0;
            Proceed(new IntentGuess(picked.Value, confidence, alternatives, Confirmed: true), _state.Problem ?? text, text);
        }
        else
        {
            Understand(text, isFollowUp: true);
        }
    }

    /// <summary>Not understood: say so and show what the bot can do; the second time in a row offer a
    /// person; the third time hand over without asking — the customer has tried enough.</summary>
    private void NotUnderstood(string text, string? prompt = null)
    {
        var failures = _state.FailedRepairs + 1;
        _state = _state with { FailedRepairs = failures };
        if (failures >= 2) _state = _state with { Signals = _state.Signals.Union([FrustrationDetector.RepeatedFailure]).ToList() };

        if (failures >= 3)
        {
            Escalate(HandoffReason.NotUnderstood, text);
        }
        else if (failures == 2)
        {
            Ask(Prompts.OfferPerson, TriageStage.OfferingPerson,
                new PendingChoice(Prompts.TalkToPerson, "agent"), new PendingChoice(Prompts.TryAgain, "retry"));
        }
        else
        {
            Ask(prompt ?? Prompts.OutOfScope, TriageStage.AwaitingProblem, new PendingChoice(Prompts.TalkToPerson, "agent"));
        }
    }

    private void AnswerOfferOfPerson(string text)
    {
        if (Answers.Pick(text, _state.Choices)?.Value == "retry")
        {
            Ask(Prompts.Rephrase, TriageStage.AwaitingProblem);
            return;
        }

        Understand(text, isFollowUp: true);
    }

    private void AnswerArticles(string text)
    {
        var picked = Answers.Pick(text, _state.Choices)?.Value;
        if (picked == "yes" || (picked is null && Answers.IsYes(text)))
        {
            _state = _state with { Articles = MarkArticles(solved: true), Outcome = ConversationOutcome.ResolvedByArticle };
            Ask(Prompts.SolvedReply, TriageStage.Resolved, RatingChoices);
            return;
        }

        // "No", or more detail instead of an answer: either way the articles did not do it.
        if (picked != "no" && !Answers.IsNo(text)) _state = _state with { Problem = _state.Problem + " " + text };
        _state = _state with { Articles = MarkArticles(solved: false) };
        Say(Prompts.NotSolvedReply);
        CollectNext();
    }

    /// <summary>After an article solved it: a 1–5 answer rates the self-service help (once); anything else is a new request.</summary>
    private void AnswerSelfServiceRating(string text)
    {
        if (_state.BotRating is null && Answers.Rating(text) is { } stars)
        {
            _state = _state with { BotRating = stars };
            Ask(Prompts.ThanksForRating, TriageStage.AwaitingProblem);
            return;
        }

        Understand(text, isFollowUp: false);
    }

    private static readonly PendingChoice[] RatingChoices = [.. Enumerable.Range(1, 5).Select(n => new PendingChoice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private List<ArticleOffer> MarkArticles(bool solved) =>
        [.. _state.Articles.Select(a => a.Solved is null ? a with { Solved = solved } : a)];
}
