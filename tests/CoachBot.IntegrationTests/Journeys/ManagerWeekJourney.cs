using System.Text.RegularExpressions;
using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// Maya's week as a manager: her reps, one rep's profile by mention and by name, a brief, a style change Sam is told
// about, acknowledging and resolving from the managers' channel, a reassignment to Omar, and the director above both.
public sealed partial class ManagerWeekJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task AManagerWorksHerTeamForAWeekAndEveryoneConcernedIsTold(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var (maya, omar, dee, sam, ava, leo) = (journey.Cast.Maya, journey.Cast.Omar, journey.Cast.Director, journey.Cast.Sam, journey.Cast.Ava, journey.Cast.Leo);
        await journey.BuildTeamAsync();

        // Monday: her reps (every one has a schedule now, defect 1), by their real names (defect 12).
        var reps = await journey.CommandAsync(maya, "reps");
        reps.Saying("Sam Rivera");
        reps.Saying("Ava Martinez");
        reps.ExpectNot("Leo Park");
        (await journey.CommandAsync(maya, $"rep {journey.Mention(sam)}")).Saying("Schedule");
        (await journey.CommandAsync(maya, "rep Ava Martinez")).Saying("Europe/Berlin");
        (await journey.CommandAsync(maya, $"brief {journey.Mention(sam)}")).Saying("Sam Rivera");

        // A style change: Maya is told it is done, Sam is told what changed and who changed it (defect 7).
        (await journey.CommandAsync(maya, $"style {journey.Mention(sam)} driver")).Saying("driver");
        var told = journey.Look(sam).Saying("driver");
        told.Saying("Maya Okafor");

        // Sam asks for help; Maya acknowledges on the card and resolves with a note.
        var (_, nudge, _) = await journey.WaitForAsync(sam, m => m.HasButton("Need help"), TimeSpan.FromDays(4));
        var offer = (await journey.PressAsync(sam, nudge, "Need help")).WithButton("Yes, share");
        await journey.PressAsync(sam, offer, "Yes, share");
        var card = journey.Look(maya).WithButton("Acknowledge");
        card.Saying("Sam Rivera");
        var first = EscalationRef().Match(card.Text).Value;
        (await journey.PressAsync(maya, card, "Acknowledge")).Saying("Maya Okafor");
        journey.Look(sam).Saying("acknowledged");
        await journey.CommandAsync(maya, $"resolve {first} Pair with Ava on the Acme demo.");
        journey.Look(sam).Saying("Pair with Ava");

        // Ava asks too; Maya hands it to Omar, who is told.
        var (_, avaNudge, _) = await journey.WaitForAsync(ava, m => m.HasButton("Need help"), TimeSpan.FromDays(4));
        var avaOffer = (await journey.PressAsync(ava, avaNudge, "Need help")).WithButton("Yes, share");
        await journey.PressAsync(ava, avaOffer, "Yes, share");
        var second = EscalationRef().Match(journey.Look(maya).WithButton("Acknowledge").Text).Value;
        Assert.NotEqual(first, second);
        (await journey.CommandAsync(maya, $"reassign {second} {journey.Mention(omar)}")).Saying("Omar Haddad");
        Assert.Contains(journey.Look(omar), m => m.Has(second));

        // The skip-level sees both managers' reps.
        var all = await journey.CommandAsync(dee, "reps");
        all.Saying("Sam Rivera");
        all.Saying("Leo Park");
        Assert.DoesNotContain(journey.Screen(leo), m => m.Has(first) || m.Has(second));
    }

    [GeneratedRegex(@"E-\d+")]
    private static partial Regex EscalationRef();
}
