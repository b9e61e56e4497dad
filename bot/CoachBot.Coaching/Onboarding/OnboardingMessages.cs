using System.Globalization;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Onboarding;

/// <summary>The setup messages. Each step shows its buttons plus a Skip; typed commands work at any point too.</summary>
public static class OnboardingMessages
{
    public static readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> HoursPresets =
        [(new(8, 0), new(16, 30)), (new(9, 0), new(17, 30)), (new(10, 0), new(18, 30))];

    /// <summary>"Hi Riley, I'm CoachBot", or "Hi, I'm CoachBot" when the platform gave no name (never "Hi , …").</summary>
    public static CoachMessage Welcome(UserText firstName) => new(
        $"{Hi(firstName)}, I'm CoachBot.",
        [
            new HeaderBlock($"{Hi(firstName)}, I'm CoachBot"),
            new SectionBlock("I send you short coaching nudges, written for how *you* like to work and the race *you* run. " +
                "No leaderboards: you only ever compete with your own best.\nSetup takes about two minutes, and you can skip any step."),
        ]);

    private static string Hi(UserText firstName) => string.IsNullOrWhiteSpace(firstName.Raw) ? "Hi" : $"Hi {UserText.Of(firstName.Raw.Trim())}";

    public static CoachMessage QuizQuestion(string answersSoFar)
    {
        var index = answersSoFar.Length;
        var question = StyleQuiz.Questions[index];
        return new CoachMessage($"Question {index + 1} of {StyleQuiz.Count}: {question.Prompt}",
        [
            new ContextBlock($"Style quiz · question {index + 1} of {StyleQuiz.Count}"),
            new SectionBlock(question.Prompt),
            new ActionsBlock(
            [
                new ChatButton(OnboardingActions.QuizAnswer, question.OptionA, answersSoFar + "a"),
                new ChatButton(OnboardingActions.QuizAnswer, question.OptionB, answersSoFar + "b"),
                SkipButton(OnboardingStep.Quiz),
            ]),
        ]);
    }

    public static CoachMessage QuizResult(StyleQuiz.Result result) => new(
        $"Your style looks like {result.Style}.",
        [
            new SectionBlock($"Your style looks like *{result.Style}*. {StyleExplanations.For(result.Style)}"),
            new ContextBlock($"{StyleExplanations.OverrideHint} {StyleExplanations.Caveat}"),
        ]);

    public static CoachMessage RacePicker() => new("Which race do you run?",
    [
        new SectionBlock("Which race do you run?\n• *Sprint*: short cycles, lots of deals\n• *Middle*: mid-market, weeks to a few months\n• *Distance*: long enterprise cycles"),
        new ActionsBlock(
        [
            new ChatButton(OnboardingActions.Race, "Sprint", Race.Sprint.ToDbValue()),
            new ChatButton(OnboardingActions.Race, "Middle distance", Race.Middle.ToDbValue()),
            new ChatButton(OnboardingActions.Race, "Distance", Race.Distance.ToDbValue()),
            SkipButton(OnboardingStep.Race),
        ]),
    ]);

    public static CoachMessage FocusPicker(IReadOnlyList<FocusSkill> selected)
    {
        var value = string.Join(',', selected.Select(s => s.ToDbValue()));
        var buttons = Enum.GetValues<FocusSkill>().Select(skill =>
        {
            var toggled = selected.Contains(skill) ? selected.Where(s => s != skill) : selected.Append(skill);
            var chosen = selected.Contains(skill);
            return new ChatButton(OnboardingActions.FocusToggle, (chosen ? "✓ " : "") + Capitalize(skill.Label()),
                string.Join(',', toggled.Select(s => s.ToDbValue())), chosen ? ButtonStyle.Primary : ButtonStyle.Default);
        }).ToList();
        var picked = selected.Count == 0 ? "none yet" : string.Join(", ", selected.Select(s => s.Label()));
        return new CoachMessage($"Pick up to {FocusSkills.MaxPerRep} focus skills.",
        [
            new SectionBlock($"Pick up to {FocusSkills.MaxPerRep} skills to focus on. Chosen: {picked}."),
            new ActionsBlock(buttons.Take(5).ToList()),
            new ActionsBlock(buttons.Skip(5).ToList()),
            new ActionsBlock(
            [
                new ChatButton(OnboardingActions.FocusDone, "Done", value, ButtonStyle.Primary),
                SkipButton(OnboardingStep.Focus),
            ]),
        ]);
    }

    /// <summary>Targets that fit the rep's race, one tap each; skippable, and `goal …` sets any other number later.</summary>
    public static CoachMessage GoalPicker(Race race) => new("Want a personal target?",
    [
        new SectionBlock("Want a personal target? It's yours alone: I'll tell you halfway how you're pacing and celebrate your personal bests. " +
            "Nobody else's numbers, no rankings."),
        new ActionsBlock(RaceGoals.Presets(race)
            .Select(p => new ChatButton(OnboardingActions.Goal, $"{p.Metric.Count(p.Target)} {p.Period.Adverb()}", $"{p.Metric.ToDbValue()}:{p.Target}:{p.Period.ToDbValue()}"))
            .Append(SkipButton(OnboardingStep.Goals))
            .ToList()),
        new ContextBlock($"Your own number? Type e.g. `goal 25 {RaceGoals.Presets(race)[0].Metric.Word()} {RaceGoals.Presets(race)[0].Period.Adverb()}` any time (up to {Goal.MaxActive} goals)."),
    ]);

    public static CoachMessage HoursPicker() => new("When is your working day?",
    [
        new SectionBlock("When does your working day run? I'll only nudge you inside it (Monday to Friday for now)."),
        new ActionsBlock(HoursPresets
            .Select(p => new ChatButton(OnboardingActions.Hours, $"{Hm(p.Start)}–{Hm(p.End)}", $"{Hm(p.Start)}-{Hm(p.End)}"))
            .Append(SkipButton(OnboardingStep.Hours))
            .ToList()),
        new ContextBlock("Other days or times? Type e.g. `schedule tue,thu 14:00` any time."),
    ]);

    /// <param name="firstNudge">The first nudge's local day and time, or null when the schedule has none coming.</param>
    public static CoachMessage Finished(RepProfile profile, string? firstNudge) => new("You're all set.",
    [
        new SectionBlock(firstNudge is null
            ? "You're all set. No nudge is scheduled yet: set your days and time with e.g. `schedule mon-fri 09:30`."
            : $"You're all set. Your first nudge arrives {firstNudge}."),
        new FieldsBlock(
        [
            new Field("Style", profile.Style?.ToString() ?? "not set"),
            new Field("Race", profile.Race.ToString()),
            new Field("Focus", profile.FocusSkills.Count == 0 ? "not set" : string.Join(", ", profile.FocusSkills.Select(s => s.Label()))),
        ]),
        new ContextBlock("Type `help` for commands, `my data` to see what I store."),
    ]);

    public static CoachMessage Skipped(OnboardingStep step) =>
        CoachMessage.Plain($"Skipped {step.ToString().ToLowerInvariant()}: you can set it later (type `setup` or `help`).");

    private static ChatButton SkipButton(OnboardingStep step) => new(OnboardingActions.Skip, "Skip", step.ToDbValue());

    public static string Hm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
