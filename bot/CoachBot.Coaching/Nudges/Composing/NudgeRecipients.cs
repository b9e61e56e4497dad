using CoachBot.Coaching.People;
using CoachBot.Coaching.Profiles;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Nudges.Composing;

// Reads rep_profile (0002) directly: the composer only needs these few columns, and unknown stored values fall back to defaults.
public sealed class NudgeRecipients(NpgsqlDataSource dataSource, PersonDirectory people)
{
    public async Task<NudgeRecipient> GetAsync(long personId, CancellationToken cancellationToken)
    {
        var person = await people.GetAsync(personId, cancellationToken)
            ?? throw new InvalidOperationException($"No person with id {personId}.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var profile = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            "select style, style_source, race, experience, focus_skills, goals from rep_profile where person_id = @personId",
            new { personId }, cancellationToken: cancellationToken));

        return new NudgeRecipient(
            person,
            CommunicationStyles.FromDbValue(profile?.style),
            Races.FromDbValue(profile?.race) ?? Race.Middle,
            ExperienceLevels.FromDbValue(profile?.experience) ?? ExperienceLevel.Newer,
            (profile?.focus_skills ?? []).Select(FocusSkills.FromDbValue).OfType<FocusSkill>().Distinct().ToList(),
            profile?.goals,
            profile?.style_source ?? "unknown");
    }

    // A settable class rather than a positional record: Dapper reports text[] columns as System.Array, not string[].
    private sealed class ProfileRow
    {
        public string? style { get; set; }
        public string? style_source { get; set; }
        public string? race { get; set; }
        public string? experience { get; set; }
        public string[] focus_skills { get; set; } = [];
        public string? goals { get; set; }
    }
}
