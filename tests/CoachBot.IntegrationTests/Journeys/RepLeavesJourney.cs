using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// Ava leaves: she stops coaching, hears nothing more, then deletes her data and `my data` shows it is gone.
public sealed class RepLeavesJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task ARepWhoStopsGetsNoMoreNudgesAndCanDeleteHerData(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var ava = journey.Cast.Ava;
        await journey.AdminSetsUpAsync();
        await journey.ManagersArriveAsync();
        await journey.OnboardAsync(ava, "babbab", "Sprint", ["Prospecting"], "08:00–16:30");

        var (_, nudge, _) = await journey.WaitForAsync(ava, m => m.HasButton("Need help"), TimeSpan.FromDays(4));
        await journey.PressAsync(ava, nudge, "Done");
        await journey.SayAsync(ava, "Moving to a partner role at the end of the month");

        var stopped = await journey.CommandAsync(ava, "stop");
        stopped.Saying("start");
        await journey.AdvanceAsync(TimeSpan.FromDays(7));
        journey.Look(ava).ExpectNothing();

        var asked = await journey.CommandAsync(ava, "delete my data");
        var confirm = asked.WithButton("Delete my data");
        confirm.HasButton("Cancel");
        var deleted = await journey.PressAsync(ava, confirm, "Delete my data");
        deleted.Saying("deleted");

        var myData = await journey.CommandAsync(ava, "my data");
        myData.ExpectNot("Moving to a partner role");
    }
}
