using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Onboarding;

/// <summary>
/// Setup in the rep's DM: welcome and privacy, style quiz, race, focus skills, a first personal goal, working hours. Choices ride on
/// the buttons until a step completes, then the step commits in one guarded statement and the next one is shown.
/// A press for a step that is no longer current (a replay, an old message) changes nothing.
/// </summary>
public sealed class OnboardingFlow(RepProfileStore profiles, RepScheduleStore schedules, GoalStore goals, TimeProvider time)
{
    public static bool Handles(string actionId) =>
        actionId.StartsWith(OnboardingActions.QuizPrefix, StringComparison.Ordinal) || actionId.StartsWith(OnboardingActions.Prefix, StringComparison.Ordinal);

    /// <summary>The step a new rep's profile is created at: the welcome is shown together with the first quiz question.</summary>
    public const OnboardingStep FirstStep = OnboardingStep.Quiz;

    /// <summary>First contact with a new rep (their profile was just created at <see cref="FirstStep"/>): welcome, privacy, first quiz question.</summary>
    public static IReadOnlyList<CoachMessage> Welcome(Person person) =>
        [OnboardingMessages.Welcome(person.FirstName), PrivacyStatement.Message(), OnboardingMessages.QuizQuestion("")];

    /// <summary>`setup`: continue where the rep stopped, or run the questions again once finished.</summary>
    public async Task<CoachMessage> ResumeAsync(RepProfile profile, CancellationToken cancellationToken)
    {
        var step = profile.Step is OnboardingStep.Welcome or OnboardingStep.Done ? OnboardingStep.Quiz : profile.Step;
        if (step != profile.Step)
        {
            await profiles.SetStepAsync(profile.PersonId, step, cancellationToken);
        }

        return Show(step, profile);
    }

    public async Task<InboxReply> HandleAsync(RepProfile profile, InboundAction action, CancellationToken cancellationToken)
    {
        var id = profile.PersonId;
        switch (action.ActionId)
        {
            case OnboardingActions.QuizAnswer when StyleQuiz.IsValidAnswers(action.Value):
                if (action.Value.Length < StyleQuiz.Count)
                {
                    return profile.Step == OnboardingStep.Quiz ? Replace(action, OnboardingMessages.QuizQuestion(action.Value)) : Stale(profile);
                }

                var result = StyleQuiz.Score(action.Value);
                return await CompleteAsync(profile, action, OnboardingStep.Quiz, "style = @style, style_source = 'quiz'",
                    new { style = result.Style.ToDbValue() }, OnboardingMessages.QuizResult(result), cancellationToken);

            case OnboardingActions.Race when Races.TryParse(action.Value, out var race):
                return await CompleteAsync(profile, action, OnboardingStep.Race, "race = @race", new { race = race.ToDbValue() },
                    CoachMessage.Plain($"Race: {race}. Change it any time with `race sprint|middle|distance`."), cancellationToken);

            case OnboardingActions.FocusToggle when TryParseSkills(action.Value, out var selected) && selected.Count < FocusSkills.MaxPerRep:
                return profile.Step == OnboardingStep.Focus ? Replace(action, OnboardingMessages.FocusPicker(selected)) : Stale(profile);

            case OnboardingActions.FocusToggle or OnboardingActions.FocusDone when TryParseSkills(action.Value, out var chosen) && chosen.Count <= FocusSkills.MaxPerRep:
                return await CompleteAsync(profile, action, OnboardingStep.Focus, "focus_skills = @skills",
                    new { skills = chosen.Select(s => s.ToDbValue()).ToArray() }, CoachMessage.Plain(FocusSummary(chosen)), cancellationToken);

            case OnboardingActions.Goal when TryParseGoal(action.Value, profile.Race, out var metric, out var target, out var period):
                if (!await profiles.CompleteStepAsync(id, OnboardingStep.Goals, null, null, cancellationToken))
                {
                    return Stale(profile);
                }

                await goals.SetAsync(id, metric, period, target, "onboarding", time.GetUtcNow(), cancellationToken);
                return await NextAsync(id, action, CoachMessage.Plain($"Goal: {metric.Count(target)} {period.Adverb()}. Log progress with `log 1 {metric.Word()}` or the +1 button on a nudge."), cancellationToken);

            case OnboardingActions.Hours when TryParseHours(action.Value, out var start, out var end):
                if (!await profiles.CompleteHoursAsync(id, start, end, cancellationToken))
                {
                    return Stale(profile);
                }

                return await NextAsync(id, action, CoachMessage.Plain($"Working day: {OnboardingMessages.Hm(start)}–{OnboardingMessages.Hm(end)}."), cancellationToken);

            case OnboardingActions.Skip when Enum.TryParse<OnboardingStep>(action.Value, ignoreCase: true, out var step) && step is > OnboardingStep.Welcome and < OnboardingStep.Done:
                return await CompleteAsync(profile, action, step, null, null, OnboardingMessages.Skipped(step), cancellationToken);

            default:
                return InboxReply.Say("That button has expired. Type `setup` to continue setting up.");
        }
    }

    private async Task<InboxReply> CompleteAsync(
        RepProfile profile, InboundAction action, OnboardingStep step, string? set, object? values, CoachMessage confirmation, CancellationToken cancellationToken)
    {
        if (!await profiles.CompleteStepAsync(profile.PersonId, step, set, values, cancellationToken))
        {
            return Stale(profile);
        }

        return await NextAsync(profile.PersonId, action, confirmation, cancellationToken);
    }

    // The pressed message becomes the confirmation; the next step arrives as a new message.
    private async Task<InboxReply> NextAsync(long personId, InboundAction action, CoachMessage confirmation, CancellationToken cancellationToken)
    {
        var updated = (await profiles.GetAsync(personId, cancellationToken))!;
        var next = updated.Step == OnboardingStep.Done ? await FinishedAsync(updated, cancellationToken) : Show(updated.Step, updated);
        return action.Source is null ? new InboxReply([confirmation, next]) : new InboxReply([next]) { UpdatedSource = confirmation };
    }

    private async Task<CoachMessage> FinishedAsync(RepProfile profile, CancellationToken cancellationToken)
    {
        var schedule = await schedules.GetAsync(profile.PersonId, cancellationToken);
        return OnboardingMessages.Finished(profile, schedule is null ? null : ScheduleCommands.NextNudge(schedule, time.GetUtcNow()));
    }

    private static CoachMessage Show(OnboardingStep step, RepProfile profile) => step switch
    {
        OnboardingStep.Welcome or OnboardingStep.Quiz => OnboardingMessages.QuizQuestion(""),
        OnboardingStep.Race => OnboardingMessages.RacePicker(),
        OnboardingStep.Focus => OnboardingMessages.FocusPicker(profile.FocusSkills),
        OnboardingStep.Goals => OnboardingMessages.GoalPicker(profile.Race),
        OnboardingStep.Hours => OnboardingMessages.HoursPicker(),
        _ => OnboardingMessages.Finished(profile, null),
    };

    private static InboxReply Replace(InboundAction action, CoachMessage message) =>
        action.Source is null ? new InboxReply([message]) : InboxReply.None with { UpdatedSource = message };

    private static InboxReply Stale(RepProfile profile) => InboxReply.Say(profile.Step == OnboardingStep.Done
        ? "That setup step is already saved. Type `help` to change anything."
        : "That step is already saved. Type `setup` to carry on from where you are.");

    private static string FocusSummary(IReadOnlyList<FocusSkill> skills) => skills.Count == 0
        ? "No focus skills for now: I'll rotate through all of them. Set some with `focus discovery, closing`."
        : $"Focus: {string.Join(", ", skills.Select(s => s.Label()))}.";

    private static bool TryParseSkills(string value, out List<FocusSkill> skills)
    {
        skills = [];
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!FocusSkills.TryParse(part, out var skill) || skills.Contains(skill))
            {
                return false;
            }

            skills.Add(skill);
        }

        return true;
    }

    // Only the presets offered for the rep's race: a made-up value is an expired button.
    private static bool TryParseGoal(string value, Race race, out GoalMetric metric, out int target, out GoalPeriod period)
    {
        (metric, target, period) = RaceGoals.Presets(race).FirstOrDefault(p => $"{p.Metric.ToDbValue()}:{p.Target}:{p.Period.ToDbValue()}" == value);
        return target > 0;
    }

    private static bool TryParseHours(string value, out TimeOnly start, out TimeOnly end)
    {
        var preset = OnboardingMessages.HoursPresets.FirstOrDefault(p => $"{OnboardingMessages.Hm(p.Start)}-{OnboardingMessages.Hm(p.End)}" == value);
        (start, end) = preset;
        return preset != default;
    }
}
