using CoachBot.Coaching.Crm;
using CoachBot.Testing.Conversation;
using CoachBot.Testing.Crm;
using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// A workspace whose CRM (seeded through CrmStore, as a sync leaves it) shows Sam's deal Acme stalled in Proposal: his
// nudges name it, in his style, on his platform; Maya's brief carries his pipeline figures; Ava never sees any of it.
public sealed class RepPipelineJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task ARepsOwnStalledDealReachesHisNudgeAndHisManagersBriefAndNobodyElse(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var (sam, ava, maya) = (journey.Cast.Sam, journey.Cast.Ava, journey.Cast.Maya);
        await journey.BuildTeamAsync();
        var data = journey.Driver.App.Database.DataSource;
        var workspace = await data.ScalarAsync<long>("select workspace_id from person where lower(email) = @email", new { email = sam.Email });
        var crm = await CrmSeed.ConnectAsync(data, journey.Driver.App.Clock, workspace);
        Assert.Equal(2, await crm.OwnersAsync(new CrmOwner("h-sam", sam.Email, sam.Name), new CrmOwner("h-ava", ava.Email, ava.Name)));
        await crm.DealsAsync(
            crm.Open("d-acme", "Acme <Dental> & Co", "h-sam", 40_000, stage: "Proposal", daysInStage: 12, lastActivityDaysAgo: 2),
            crm.Open("d-globex", "Globex", "h-sam", 12_000, stage: "Discovery", ageDays: 0, daysInStage: 0));
        await crm.ActivitiesAsync(crm.Activity("c1", CrmActivityKind.Call, "h-sam"));

        // Sam focuses on discovery and closing: when closing comes round, the closing nudge is about Acme.
        // The deal name arrives escaped for the platform (Teams shows "Acme \<Dental\> \& Co", Slack decodes its entities).
        var (_, nudge, _) = await journey.WaitForAsync(sam, m => m.Has("Dental") && m.Has("in Proposal for"), TimeSpan.FromDays(6));
        Assert.True(nudge.HasButton("Done") && nudge.HasButton("Need help"), $"[{platform}] {nudge}");
        Journey.Check(!nudge.Has("{deal}") && !nudge.Has("{days}"), $"[{platform}] every placeholder is filled: {nudge}");

        // Maya's brief: Sam's pipeline; Ava (CRM owner without deals) gets the figures too, all zero.
        var brief = await journey.CommandAsync(maya, $"brief {journey.Mention(sam)}");
        brief.Saying("Pipeline (from the CRM)");
        brief.Saying("Open pipeline: 52,000 USD in 2 deals");
        brief.Saying("Added this week: 12,000 USD in 1 deal");
        brief.Saying("No activity for 14+ days: none");

        Assert.DoesNotContain(journey.Screen(ava), m => m.Has("Acme") || m.Has("Globex") || m.Has("52,000"));
        var avaData = await journey.SayAsync(ava, "my data");
        avaData.Saying("From your CRM (you and your managers)");
        avaData.Saying("0 open deals, 0 won or lost; no activities");
    }
}
