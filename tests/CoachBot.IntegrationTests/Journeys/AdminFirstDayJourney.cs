using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// The README, followed literally by a new admin: Coaching:Admins holds their email, CoachBot joins the managers'
// channel, the first thing they ever do is `/coach help` (Teams: @CoachBot help), then the roster import.
public sealed class AdminFirstDayJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task AnAdminConfiguredByEmailStartsWithHelpImportsTheRosterAndSeesTheirTeamArrive(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var (admin, sam, maya) = (journey.Cast.Admin, journey.Cast.Sam, journey.Cast.Maya);

        await journey.AddToManagersChannelAsync(admin);
        var help = await journey.CommandAsync(admin, "help");
        // An admin is not a new rep: the manager commands, no style quiz, no rep profile.
        help.Saying("import");
        help.Saying("reps");
        help.ExpectNot("Question 1 of").ExpectNot("only for managers").ExpectNot("I'm CoachBot");

        var import = await journey.CommandAsync(admin, "import " + journey.Cast.RosterCsv);
        import.Saying("6");

        await journey.OpenAsync(maya);
        await journey.OnboardAsync(sam, "abbaab", "Middle distance", ["Discovery"], "09:00–17:30");

        // The team as the admin sees it: real names (not handles), the reporting line from the roster.
        var reps = await journey.CommandAsync(admin, "reps");
        reps.Saying("Sam Rivera");
        reps.ExpectNot("sam ·").ExpectNot("u0sam");
        var rep = await journey.CommandAsync(admin, $"rep {journey.Mention(sam)}");
        rep.Saying("Sam Rivera");
        rep.Saying("Maya Okafor");
        rep.Saying(sam.TimeZone);

        // Nothing the admin ever saw was rep onboarding.
        Assert.DoesNotContain(journey.Screen(admin), m => m.Has("Question 1 of") || m.Has("style quiz"));
    }
}
