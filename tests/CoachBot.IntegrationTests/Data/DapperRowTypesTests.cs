using System.Text.RegularExpressions;
using CoachBot.Bot.Slack;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Escalations;
using CoachBot.Coaching.Managers;
using CoachBot.Coaching.Nudges.Composing;
using CoachBot.Coaching.Nudges.History;
using CoachBot.Coaching.People;
using CoachBot.Coaching.Privacy;
using CoachBot.Coaching.Profiles;
using CoachBot.Coaching.Scheduling;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using CoachBot.Testing;
using CoachBot.Testing.Escalations;

namespace CoachBot.IntegrationTests.Data;

/// <summary>
/// Every Dapper row type read back from a migrated database holding rows as people really make them: a rep WITH a
/// schedule (several send times, quiet hours, a vacation, a snooze), answered nudges, an offer, an escalation with
/// every column set. Npgsql 10 hands back time as TimeOnly, date as DateOnly and arrays as typed arrays; a row type
/// that declares anything else throws here instead of in front of a manager (issue 12, defect 1).
/// </summary>
public sealed class DapperRowTypesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EveryRowTypeReadsRealRows()
    {
        await using var world = await EscalationWorld.CreateAsync(database, withRepConversation: true);
        var boss = await world.AddPersonAsync("UBOSS", "Pat Boss", PersonRole.Manager);
        var rep = await world.AddPersonAsync("UREP", "Sam Rep", manager: boss);
        var delivery = Guid.NewGuid();
        var escalationId = await SeedAsync(world, boss, rep, delivery);

        // Managers: reps / rep / nudge read this overview (it threw on send_times as soon as a schedule row existed).
        var overview = Assert.Single(await world.Get<RepSettings>().OverviewAsync([rep.Id], default));
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(15, 30)], overview.SendTimes!);
        Assert.Equal([1, 2, 3, 4], overview.WorkingDays!.Select(d => (int)d));
        Assert.Equal(("amiable", "manager", "distance"), (overview.Style, overview.StyleSource, overview.Race));
        Assert.Equal(["discovery", "closing"], overview.Focus);
        Assert.Equal(Now.AddHours(1), overview.NextDueAt);
        var stats = await world.Get<StatsQuery>().ForAsync([rep.Id], default);
        Assert.Equal((1, 1, TimeSpan.FromMinutes(30)), (stats.Reps, stats.Resolved, stats.MedianTimeToAck));
        var activity = await world.Get<IRepActivitySource>().GetAsync(rep.Id, Now.AddDays(-7), default);
        Assert.Equal((1, 1), (activity!.NudgesSent, activity.NudgesAnswered));
        var (hours, _) = await world.Get<OwnerCalendar>().ForAsync(boss.Id, default);
        Assert.Equal(new TimeOnly(8, 0), hours.DayStart);

        // Rep side: profile, schedule, pauses, history, ledger, responses, offers, privacy.
        var profile = (await world.Get<RepProfileStore>().GetAsync(rep.Id, default))!;
        Assert.Equal([FocusSkill.Discovery, FocusSkill.Closing], profile.FocusSkills);
        Assert.Equal(Now.AddDays(-30), profile.OnboardedAt);
        var schedule = (await world.Get<RepScheduleStore>().GetAsync(rep.Id, default))!;
        Assert.Equal([new TimeOnly(10, 0), new TimeOnly(15, 30)], schedule.SendTimes);
        Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)), (schedule.VacationFrom, schedule.VacationUntil));
        Assert.Equal(Now.AddDays(2), schedule.SnoozedUntil);
        Assert.Equal(2, (await world.Get<RepScheduleStore>().GetPausePeriodsAsync(rep.Id, Now, default)).Count);
        var history = world.Get<NudgeHistory>();
        Assert.Equal(4, (await history.FindAsync(delivery, default))!.Confidence);
        Assert.Single(await history.RecentAsync(rep.Id, 10, default));
        Assert.Equal(1, Assert.Single(await history.SummarizeByStyleAsync(rep.Id, Now.AddDays(-7), default)).Answered);
        var sent = Assert.Single(await world.Get<NudgeDeliveries>().SentSinceAsync(rep.Id, Now.AddDays(-7), default));
        Assert.Equal(Now.AddHours(-2), sent.SentAt);
        var state = await world.Get<NudgeResponseStore>().RecordAsync(delivery, rep.Id, "nudge.done", 4, CommunicationStyle.Amiable, Now, default);
        Assert.Equal(new NudgeResponseStore.State(true, false, false, 4), state);
        var offers = world.Get<EscalationOfferStore>();
        Assert.Equal("awaiting_note", (await offers.FindAsync(delivery, EscalationOfferStore.NeedHelp, rep.Id, default))!.Status);
        Assert.NotNull(await offers.FindAwaitingNoteAsync(rep.Id, Now, default));
        var recipient = await new NudgeRecipients(world.DataSource, world.Get<PersonDirectory>()).GetAsync(rep.Id, default);
        Assert.Equal("Hit 20 calls a day", recipient.Goal);
        var summary = await world.Get<RepDataStore>().GetSummaryAsync(rep.Id, default);
        Assert.True(summary.HasProfile);
        Assert.Contains("\"send_times\"", await world.Get<RepDataStore>().ExportJsonAsync(rep.Id, default));

        // People, audit, escalations, channel.
        Assert.Equal("Sam Rep", (await world.Get<PersonDirectory>().GetAsync(rep.Id, default))!.DisplayName);
        Assert.Equal(boss.Id, (await world.Get<PersonDirectory>().FindAsync(rep.Key, default))!.ManagerId);
        Assert.NotEmpty(await world.Get<AuditLog>().ListSharedWordsViewsAsync(rep.Id, default));
        var escalation = (await world.Get<EscalationStore>().GetAsync(escalationId, default))!;
        Assert.Equal((EscalationState.Resolved, "Called Sam", 1), (escalation.State, escalation.ResolutionNote, escalation.NoteCount));
        Assert.Equal(Now.AddMinutes(30), escalation.AcknowledgedAt);
        Assert.NotNull(escalation.SkipLevelAt);
        var store = world.Get<EscalationStore>();
        Assert.Single(await store.ListAsync(new EscalationScope.Rep(rep.Id), includeResolved: true, default));
        Assert.Empty(await store.ListAsync(new EscalationScope.Rep(rep.Id), includeResolved: false, default));
        Assert.Single(await store.ListAsync(new EscalationScope.Workspace(world.WorkspaceId), includeResolved: true, default));
        Assert.Single(await store.ListAsync(new EscalationScope.ManagerReach(boss.Id, [rep.Id]), includeResolved: true, default));
        Assert.NotNull(await world.Get<ManagersChannel>().FindAsync(world.WorkspaceId, default));

        // Platform and host stores.
        var disabled = Assert.Single(await new SlackWorkspaces(world.DataSource, world.Clock).ListDisabledAsync(default), w => w.TeamId == "T0GONE");
        Assert.Equal("app_uninstalled", disabled.Reason);
        var references = new ConversationReferenceStore(world.DataSource);
        Assert.True((await references.FindAsync("tenant-1", "a:personal", default))!.Reachable);
        Assert.NotNull(await references.FindPersonalAsync("tenant-1", "aad-1", default));
        Assert.Equal("29:user", (await references.FindMemberAsync("tenant-1", "aad-1", default))!.UserId);
        var inbound = new SlackInboundStore(world.DataSource);
        var id = (await inbound.RecordAsync($"ev-{Guid.NewGuid():N}", "T1", "event", """{"type":"event_callback"}""", default))!.Value;
        Assert.Equal("event", (await inbound.ClaimAsync(id, default))!.Kind);
    }

    /// <summary>
    /// A tripwire for the test above: the typed Dapper reads in the product, counted per file. A new or changed read
    /// fails here until its row type is read against real rows above (or the reason it needs none is written here).
    /// </summary>
    [Fact]
    public void EveryTypedDapperReadIsAccountedFor()
    {
        var known = new Dictionary<string, int>
        {
            // Read with real rows in EveryRowTypeReadsRealRows.
            ["bot/CoachBot.Bot/Slack/SlackInboundStore.cs"] = 2,
            ["bot/CoachBot.Coaching/Conversation/EscalationOfferStore.cs"] = 2,
            ["bot/CoachBot.Coaching/Conversation/NudgeResponseStore.cs"] = 1,
            ["bot/CoachBot.Coaching/Escalations/EscalationStore.cs"] = 6,
            ["bot/CoachBot.Coaching/Escalations/ManagersChannel.cs"] = 2,
            ["bot/CoachBot.Coaching/Managers/LedgerRepActivity.cs"] = 2,
            // GoalStoreTests reads each of these on real rows (goals, day totals, proposals, counts and ids).
            ["bot/CoachBot.Coaching/Goals/GoalStore.cs"] = 8,
            ["bot/CoachBot.Coaching/Managers/RepSettings.cs"] = 1,
            ["bot/CoachBot.Coaching/Managers/StatsQuery.cs"] = 1,
            ["bot/CoachBot.Coaching/Nudges/Composing/NudgeRecipients.cs"] = 1,
            ["bot/CoachBot.Coaching/Nudges/History/NudgeHistory.cs"] = 3,
            ["bot/CoachBot.Coaching/People/AuditLog.cs"] = 1,
            ["bot/CoachBot.Coaching/People/PersonDirectory.cs"] = 3,
            ["bot/CoachBot.Coaching/Privacy/RepDataStore.cs"] = 5,
            ["bot/CoachBot.Coaching/Profiles/RepProfileStore.cs"] = 1,
            ["bot/CoachBot.Coaching/Profiles/RepScheduleStore.cs"] = 3,
            ["bot/CoachBot.Coaching/Scheduling/NudgeDeliveries.cs"] = 1,
            ["bot/CoachBot.Platforms/Slack/SlackWorkspaces.cs"] = 2,
            ["bot/CoachBot.Platforms/Teams/ConversationReferenceStore.cs"] = 5,
            // The Graph install tests (TeamsGraphInstallTests, InstallTeamsAppJobTests) read these on real rows.
            ["bot/CoachBot.Coaching/Managers/ReachCommands.cs"] = 1,
            ["jobs/CoachBot.Jobs/Teams/TeamsAppInstallations.cs"] = 2,
            ["jobs/CoachBot.Jobs/Teams/RosterInstallations.cs"] = 1,
            // Lost people and one human's rows on both platforms: InstallTeamsAppJobTests and UnreachableRepNoticeTests.
            ["bot/CoachBot.Coaching/Managers/PersonReach.cs"] = 2,
            ["bot/CoachBot.Coaching/Managers/UnreachableRepNotice.cs"] = 1,
            // The CSV deals import: its id, owner emails and stored (text, timestamptz, timestamptz) dates, read on real rows by Crm/ImportDealsTests.
            ["bot/CoachBot.Coaching/Crm/Import/DealsImport.cs"] = 3,
            // The CRM connections, the admin's crm commands and the sync lease: read on real rows by Crm/CrmCommandsTests and Crm/CrmSyncJobTests.
            ["bot/CoachBot.Coaching/Crm/CrmCommands.cs"] = 4,
            ["bot/CoachBot.Coaching/Crm/CrmConnections.cs"] = 5,
            ["jobs/CoachBot.Jobs/Crm/CrmSyncLease.cs"] = 2,
            // What uses the CRM rows: Crm/PipelineReaderTests, Crm/CrmObserverTests (goal feed, race advisor, fed metrics),
            // Crm/CrmPrivacyTests (my data) and Journeys/RepPipelineJourney (the deal facts a nudge is chosen by).
            ["bot/CoachBot.Coaching/Crm/Pipeline/PipelineReader.cs"] = 2,
            ["bot/CoachBot.Coaching/Crm/Coaching/CrmFedMetrics.cs"] = 1,
            ["bot/CoachBot.Coaching/Crm/Coaching/CrmGoalFeed.cs"] = 2,
            ["bot/CoachBot.Coaching/Crm/Coaching/CrmRaceAdvisor.cs"] = 1,
            ["bot/CoachBot.Coaching/Nudges/Deals/NudgeDealFacts.cs"] = 1,
            // The web console's reads, on the seeded tenant in WebConsole/ConsolePagesTests (ids, coaching cells, names).
            ["bot/CoachBot.Bot/WebConsole/Pages/CoachingQuery.cs"] = 1,
            ["bot/CoachBot.Bot/WebConsole/Pages/PersonNames.cs"] = 1,
            // Single scalars of long, bool or string, or lists of ids: nothing Npgsql could hand back as another type.
            ["bot/CoachBot.Bot/Demo/DemoClockStore.cs"] = 1,
            ["bot/CoachBot.Bot/Demo/DemoEndpoints.cs"] = 2,
            ["bot/CoachBot.Bot/Demo/DemoRosterSeeder.cs"] = 1,
            ["bot/CoachBot.Coaching/Conversation/RepReplyStore.cs"] = 1,
            ["bot/CoachBot.Coaching/Escalations/EscalationService.cs"] = 1,
            ["bot/CoachBot.Coaching/Managers/BriefService.cs"] = 3,
            ["bot/CoachBot.Coaching/Managers/ChannelGuard.cs"] = 2,
            ["bot/CoachBot.Coaching/Managers/PersonResolver.cs"] = 2,
            ["bot/CoachBot.Coaching/Managers/ReportingLine.cs"] = 3,
            ["bot/CoachBot.Coaching/Managers/RosterImport.cs"] = 1,
            ["bot/CoachBot.Platforms/Slack/SlackInstallations.cs"] = 1,
            // A timestamptz scalar read as DateTime?; the install flow tests (SlackInstallTests) run it on real rows.
            ["bot/CoachBot.Bot/Slack/SlackInstallStates.cs"] = 1,
        };

        var root = RepositoryRoot();
        var read = new Regex(@"\.(Query|QuerySingle|QuerySingleOrDefault|QueryFirst|QueryFirstOrDefault|ExecuteScalar)(Async)?<");
        var found = new[] { "bot", "jobs" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(root, f).Replace('\\', '/'), Count: read.Matches(File.ReadAllText(f)).Count))
            .Where(f => f.Count > 0)
            .ToDictionary(f => f.File, f => f.Count);

        Assert.Equal(known.OrderBy(k => k.Key), found.OrderBy(k => k.Key));
    }

    private static async Task<long> SeedAsync(EscalationWorld world, Person boss, Person rep, Guid delivery)
    {
        await world.ExecuteAsync("""
            insert into rep_profile (person_id, style, style_source, race, focus_skills, experience, goals, onboarding_step, onboarded_at)
            values (@rep, 'amiable', 'manager', 'distance', '{discovery,closing}', 'experienced', 'Hit 20 calls a day', 'done', @now - interval '30 days');
            insert into rep_schedule (person_id, workspace_id, working_days, day_start, day_end, send_times, cadence, quiet_start, quiet_end,
                holiday_country, vacation_from, vacation_until, snoozed_until, next_due_at)
            values (@rep, @workspace, '{1,2,3,4}', '08:30', '17:00', '{10:00,15:30}', 'weekly', '12:00', '13:00',
                'GB', '2026-03-10', '2026-03-12', @now + interval '2 days', @now + interval '1 hour'),
                   (@boss, @workspace, '{1,2,3,4,5}', '08:00', '16:00', '{08:30}', null, null, null, null, null, null, null, null);
            insert into rep_pause_period (person_id, kind, from_at, until_at)
            values (@rep, 'pause', @now - interval '5 days', @now - interval '4 days'), (@rep, 'snooze', @now, @now + interval '2 days');
            insert into nudge_delivery (id, person_id, workspace_id, platform, slot_at, status, sent_at, answered_at, follow_up_due_at)
            values (@delivery, @rep, @workspace, 'slack', @now - interval '2 hours', 'sent', @now - interval '2 hours', @now - interval '1 hour', null);
            insert into nudge_history (person_id, delivery_id, intent_id, library_version, style, skill, sent_at, answered_at, response, confidence, response_seconds)
            values (@rep, @delivery, 'discovery-open-questions', 1, 'amiable', 'discovery', @now - interval '2 hours', @now - interval '1 hour', 'rated', 4, 3600);
            insert into escalation_offer (delivery_id, reason, person_id, status, offered_at, decided_at)
            values (@delivery, 'need_help', @rep, 'awaiting_note', @now - interval '1 hour', @now - interval '30 minutes');
            insert into teams_conversation_reference (tenant_id, conversation_id, conversation_type, service_url, bot_id, user_id, aad_object_id)
            values ('tenant-1', 'a:personal', 'personal', 'https://smba.example/', '28:bot', '29:user', 'aad-1');
            insert into teams_member (tenant_id, aad_object_id, user_id, service_url, bot_id) values ('tenant-1', 'aad-1', '29:user', 'https://smba.example/', '28:bot');
            insert into workspace (platform, external_id, disabled_at, disabled_reason) values ('slack', 'T0GONE', @now, 'app_uninstalled');
            """, new { rep = rep.Id, boss = boss.Id, workspace = world.WorkspaceId, now = Now.UtcDateTime, delivery });

        var reference = await world.Get<IEscalations>().RaiseAsync(new EscalationRequest(rep.Id, EscalationReason.NeedHelp, "Stuck on pricing", "rows-1"), default);
        var id = long.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture);
        await world.ExecuteAsync("""
            insert into escalation_note (escalation_id, author_id, text, at) values (@id, @boss, 'private', @now);
            update escalation set state = 'resolved', acknowledged_at = @now + interval '30 minutes', acknowledged_by = @boss,
                resolved_at = @now + interval '1 hour', resolved_by = @boss, resolution_note = 'Called Sam', snoozed_until = @now,
                reassigned_at = @now, reminded_at = @now, skip_level_at = @now, skip_level_owner_id = @boss,
                skip_level_due_at = @now, reminder_job_id = 'j1', skip_level_job_id = 'j2'
            where id = @id;
            insert into audit_entry (at, actor_id, action, subject_id, detail) values (@now, @boss, @seen, @rep, @reference);
            """, new { id, boss = boss.Id, rep = rep.Id, now = Now.UtcDateTime, seen = AuditActions.SharedWordsSeen, reference });
        return id;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test output.");
    }
}
