using CoachBot.Coaching.Chat;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Crm.Coaching;

/// <summary>The rep's answer to a race suggested from their CRM: switch (the only way the race changes) or keep.</summary>
public sealed class CrmRaceActions(NpgsqlDataSource dataSource, RepProfileStore profiles, TimeProvider clock)
{
    public const string Prefix = "crm.race.";
    public const string Switch = "crm.race.switch";
    public const string Keep = "crm.race.keep";

    public static CoachMessage Suggestion(Race suggested, Race current, int medianDays, int wonDeals)
    {
        var text = $"Your won deals over the past year took a median of {medianDays} days from created to closed ({wonDeals} deals). " +
            $"That is a {suggested.Label()} cycle, and your coaching is set to {current.Label()}. Switch to {suggested.Label()}? Nothing changes unless you say so.";
        return new CoachMessage(text,
        [
            new SectionBlock(text),
            new ActionsBlock(
            [
                new ChatButton(Switch, $"Switch to {suggested.Label()}", suggested.ToDbValue(), ButtonStyle.Primary),
                new ChatButton(Keep, $"Keep {current.Label()}", suggested.ToDbValue()),
            ]),
        ]);
    }

    public async Task<InboxReply> HandleAsync(Person person, InboundAction action, CancellationToken cancellationToken)
    {
        var switching = action.ActionId == Switch;
        if (Races.FromDbValue(action.Value) is not { } race || (!switching && action.ActionId != Keep))
        {
            return InboxReply.Say("That button has expired. Type `race sprint`, `race middle` or `race distance` to set your race.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Only the open suggestion of this race is answered: a second tap, or a stale card, changes nothing.
        var answered = await connection.ExecuteAsync(new CommandDefinition("""
            update crm_race_suggestion set status = @status, decided_at = @now
            where person_id = @personId and race = @race and status = 'open'
            """, new { personId = person.Id, race = race.ToDbValue(), status = switching ? "accepted" : "kept", now = clock.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        if (answered == 0)
        {
            return Reply(action, "You already answered that suggestion. Type `race` followed by sprint, middle or distance to change your race.");
        }

        if (!switching)
        {
            return Reply(action, "Okay, your race stays as it is. I won't suggest this again unless your won deals change the picture.");
        }

        await profiles.SetRaceAsync(person.Id, race, cancellationToken);
        return Reply(action, $"Done: your race is now {race.Label()}. Your nudges and goal suggestions follow it from the next one.");
    }

    private static InboxReply Reply(InboundAction action, string text) =>
        action.Source is null ? InboxReply.Say(text) : InboxReply.None with { UpdatedSource = CoachMessage.Plain(text) };
}
