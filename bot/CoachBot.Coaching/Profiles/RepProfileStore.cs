using System.Globalization;
using CoachBot.Coaching.Onboarding;
using CoachBot.Coaching.People;
using Dapper;
using Npgsql;

namespace CoachBot.Coaching.Profiles;

/// <summary>
/// Reads and edits rep_profile. Onboarding writes are single guarded statements ("only if still on this step"),
/// so each step commits whole or not at all and a replayed button press changes nothing.
/// </summary>
public sealed class RepProfileStore(NpgsqlDataSource dataSource)
{
    /// <summary>The columns <see cref="ProfileRow"/> reads (registration reads the profile in its own round trip too).</summary>
    internal const string Columns = """
        person_id as personid, style, style_source as stylesource, race, focus_skills as focusskills, experience, goals,
            onboarding_step as step, onboarded_at as onboardedat
        """;

    /// <summary>Creates the profile and default schedule for a new rep; returns false when they already existed.</summary>
    public async Task<bool> CreateIfMissingAsync(Person person, OnboardingStep firstStep, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = await connection.ExecuteAsync(new CommandDefinition(
            "insert into rep_profile (person_id, onboarding_step) values (@id, @step) on conflict (person_id) do nothing",
            new { id = person.Id, step = firstStep.ToDbValue() }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into rep_schedule (person_id, workspace_id) values (@id, @workspaceId) on conflict (person_id) do nothing",
            new { id = person.Id, workspaceId = person.WorkspaceId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created == 1;
    }

    public async Task<RepProfile?> GetAsync(long personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(new CommandDefinition(
            $"select {Columns} from rep_profile where person_id = @personId", new { personId }, cancellationToken: cancellationToken));
        return row?.ToProfile();
    }

    public Task SetStyleAsync(long personId, CommunicationStyle style, string source, CancellationToken cancellationToken) =>
        UpdateAsync(personId, "style = @value, style_source = @source", new { value = style.ToDbValue(), source }, cancellationToken);

    public Task SetRaceAsync(long personId, Race race, CancellationToken cancellationToken) =>
        UpdateAsync(personId, "race = @value", new { value = race.ToDbValue() }, cancellationToken);

    public Task SetFocusAsync(long personId, IReadOnlyList<FocusSkill> skills, CancellationToken cancellationToken) =>
        UpdateAsync(personId, "focus_skills = @value", new { value = skills.Select(s => s.ToDbValue()).ToArray() }, cancellationToken);

    public Task SetStepAsync(long personId, OnboardingStep step, CancellationToken cancellationToken) =>
        UpdateAsync(personId, "onboarding_step = @value", new { value = step.ToDbValue() }, cancellationToken);

    /// <summary>Moves from <paramref name="from"/> to the next step, applying <paramref name="set"/> in the same statement.</summary>
    public async Task<bool> CompleteStepAsync(long personId, OnboardingStep from, string? set, object? values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("personId", personId);
        parameters.Add("from", from.ToDbValue());
        parameters.Add("next", from.Next().ToDbValue());
        var extra = set is null ? "" : set + ", ";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition($"""
            update rep_profile set {extra}onboarding_step = @next,
                onboarded_at = case when @next = 'done' then coalesce(onboarded_at, now()) else onboarded_at end,
                updated_at = now()
            where person_id = @personId and onboarding_step = @from
            """, parameters, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The last step also sets working hours; one statement keeps the schedule and the step marker together.</summary>
    public async Task<bool> CompleteHoursAsync(long personId, TimeOnly start, TimeOnly end, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition("""
            with step as (
                update rep_profile set onboarding_step = 'done', onboarded_at = coalesce(onboarded_at, now()), updated_at = now()
                where person_id = @personId and onboarding_step = 'hours'
                returning person_id)
            update rep_schedule s set day_start = @start::time, day_end = @end::time,
                send_times = array[(@start::time + interval '30 minutes')::time], next_due_at = null, updated_at = now()
            from step where s.person_id = step.person_id
            """, new { personId, start = start.ToString("HH:mm", CultureInfo.InvariantCulture), end = end.ToString("HH:mm", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken)) == 1;
    }

    private async Task UpdateAsync(long personId, string set, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("personId", personId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"update rep_profile set {set}, updated_at = now() where person_id = @personId", parameters, cancellationToken: cancellationToken));
    }

    // A settable class because Npgsql reports text[] columns as System.Array, which Dapper cannot match to a constructor.
    internal sealed class ProfileRow
    {
        public long PersonId { get; set; }
        public string? Style { get; set; }
        public string StyleSource { get; set; } = "";
        public string Race { get; set; } = "";
        public string[] FocusSkills { get; set; } = [];
        public string Experience { get; set; } = "";
        public string? Goals { get; set; }
        public string Step { get; set; } = "";
        public DateTime? OnboardedAt { get; set; }

        public RepProfile ToProfile() => new(
            PersonId,
            CommunicationStyles.FromDbValue(Style),
            StyleSource,
            Races.FromDbValue(Race) ?? Profiles.Race.Middle,
            FocusSkills.Select(Profiles.FocusSkills.FromDbValue).OfType<FocusSkill>().Distinct().ToList(),
            ExperienceLevels.FromDbValue(Experience) ?? ExperienceLevel.Newer,
            Goals,
            OnboardingSteps.FromDb(Step),
            OnboardedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
    }
}
