using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>The rep's home view: profile, schedule and their own streak (never anyone else's).</summary>
public sealed class RepHome(RepProfileStore profiles, RepScheduleStore schedules, RepStreaks streaks, TimeProvider time)
{
    public async Task<CoachMessage> BuildAsync(Person person, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetAsync(person.Id, cancellationToken);
        var schedule = await schedules.GetAsync(person.Id, cancellationToken);
        if (profile is null || schedule is null)
        {
            return new CoachMessage("Welcome to CoachBot", [new HeaderBlock("Welcome to CoachBot"), new SectionBlock("Send me any message to get set up.")]);
        }

        var streak = await streaks.ForAsync(person.Id, cancellationToken);
        var title = person.FirstName.IsEmpty ? "Your coaching" : $"{person.FirstName}'s coaching";
        var blocks = new List<MessageBlock>
        {
            new HeaderBlock(title),
            new FieldsBlock(
            [
                new Field("Style", profile.Style is { } style ? $"{style} ({profile.StyleSource})" : "not set yet"),
                new Field("Race", profile.Race.ToString()),
                new Field("Focus", profile.FocusSkills.Count == 0 ? "all skills" : string.Join(", ", profile.FocusSkills.Select(s => s.Label()))),
                new Field("Streak", $"{streak.Current} (best {streak.Best})"),
            ]),
            new SectionBlock(ScheduleCommands.Describe(schedule, time.GetUtcNow())),
        };
        if (profile.Step != OnboardingStep.Done)
        {
            blocks.Add(new ContextBlock("Setup isn't finished: type `setup` in our chat to continue."));
        }

        blocks.Add(new ContextBlock("Type `help` in our chat for commands; `my data` shows what I store and who has seen what."));
        return new CoachMessage(title, blocks);
    }
}
