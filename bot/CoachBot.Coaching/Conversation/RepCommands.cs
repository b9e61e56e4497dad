using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Goals;
using CoachBot.Coaching.Learning;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Conversation;

/// <summary>Runs a parsed rep command: profile changes here, schedule and privacy commands in their own classes.</summary>
public sealed class RepCommands(
    RepProfileStore profiles, ScheduleCommands schedule, PrivacyConversation privacy, OnboardingFlow onboarding, WhyThisWording why, GoalCommands goals)
{
    public async Task<InboxReply> RunAsync(Person person, RepProfile profile, CommandParse parse, CancellationToken cancellationToken)
    {
        switch (parse)
        {
            case CommandParse.Rejected rejected:
                return InboxReply.Say(rejected.Message);
            case CommandParse.Unknown unknown:
                var hint = unknown.Suggestions.Count > 0 ? $"Did you mean {string.Join(" or ", unknown.Suggestions.Select(s => $"`{s}`"))}?\n" : "";
                return InboxReply.Say($"I don't know that command. {hint}{CommandHelp.Text}");
            case CommandParse.Parsed parsed:
                return await RunAsync(person, profile, parsed.Command, cancellationToken);
            default:
                return InboxReply.None;
        }
    }

    private async Task<InboxReply> RunAsync(Person person, RepProfile profile, RepCommand command, CancellationToken cancellationToken)
    {
        var id = person.Id;
        switch (command)
        {
            case RepCommand.Help:
                return InboxReply.Say(CommandHelp.Text);
            case RepCommand.Why:
                return InboxReply.Say(await why.ExplainAsync(person, profile, cancellationToken));
            case RepCommand.Setup:
                return new InboxReply([await onboarding.ResumeAsync(profile, cancellationToken)]);
            case RepCommand.Style { Value: null }:
                return InboxReply.Say(profile.Style is { } current
                    ? $"Your style: {current}. {StyleExplanations.For(current)}\n{StyleExplanations.OverrideHint}"
                    : $"Your style isn't set yet. Type `setup` to take the short quiz. {StyleExplanations.OverrideHint}");
            case RepCommand.Style { Value: { } style }:
                await profiles.SetStyleAsync(id, style, "self", cancellationToken);
                return InboxReply.Say($"Style set to {style}. {StyleExplanations.For(style)}");
            case RepCommand.SetRace { Value: null }:
                return InboxReply.Say($"Your race: {profile.Race}. Change it with `race sprint`, `race middle` or `race distance`.");
            case RepCommand.SetRace { Value: { } race }:
                await profiles.SetRaceAsync(id, race, cancellationToken);
                return InboxReply.Say($"Race set to {race}.");
            case RepCommand.Focus { Skills: null }:
                return InboxReply.Say($"Your focus: {Skills(profile.FocusSkills)}. Options: {CommandArguments.SkillList}.");
            case RepCommand.Focus { Skills: { } skills }:
                await profiles.SetFocusAsync(id, skills, cancellationToken);
                return InboxReply.Say($"Focus set to: {Skills(skills)}.");
            case RepCommand.Goals g:
                return await goals.RunAsync(person, profile, g.Request, cancellationToken);
            case RepCommand.LogProgress log:
                return await goals.LogAsync(person, profile, log.Metric, log.Amount, GoalProgressSource.Typed, cancellationToken);
            case RepCommand.MyData or RepCommand.DeleteMyData:
                return await privacy.RunAsync(person, command, cancellationToken);
            default:
                return await schedule.RunAsync(person, command, cancellationToken);
        }
    }

    private static string Skills(IReadOnlyList<FocusSkill> skills) =>
        skills.Count == 0 ? "none (I rotate through all skills)" : string.Join(", ", skills.Select(s => s.Label()));
}
