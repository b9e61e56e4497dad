using System.Text.RegularExpressions;
using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// Sam, a rep in Chicago, over his first two weeks: setup, nudges at his local time, answers, snooze and pause typed the
// way people type them, asking for help, the escalation running its course, the resolution note, and `my data`.
public sealed partial class RepFirstTwoWeeksJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task ARepIsOnboardedNudgedAtLocalTimeSnoozesPausesAsksForHelpAndHearsTheOutcome(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var (sam, maya, dee) = (journey.Cast.Sam, journey.Cast.Maya, journey.Cast.Director);
        await journey.AdminSetsUpAsync();
        await journey.ManagersArriveAsync();

        // Setup ends by saying when the first nudge comes, in Sam's time, not "at your next send time".
        var done = await journey.OnboardAsync(sam, "abbaab", "Middle distance", ["Discovery", "Closing"], "09:00–17:30");
        var allSet = done.Saying("You're all set");
        Assert.Matches(LocalWhen(), allSet.Text);
        Assert.DoesNotContain("UTC", allSet.Text);

        // Day 1: the first nudge arrives on a weekday inside his working day, Chicago time.
        var (_, nudge, at) = await journey.WaitForAsync(sam, m => m.HasButton("Need help"), TimeSpan.FromDays(4));
        Assert.InRange(at.TimeOfDay, new TimeSpan(9, 0, 0), new TimeSpan(17, 30, 0));
        Assert.NotEqual(DayOfWeek.Saturday, at.DayOfWeek);
        Assert.NotEqual(DayOfWeek.Sunday, at.DayOfWeek);
        Assert.True(nudge.HasButton("Done") && nudge.HasButton("Remind me later"), $"[{platform}] nudge buttons: {nudge}");

        // He rates his confidence: the buttons that still make sense stay (defect 8).
        var rated = await journey.PressAsync(sam, nudge, "Done");
        var rating = rated.LastOrDefault(m => m.HasButton("4")) ?? throw new Xunit.Sdk.XunitException($"[{platform}] no rating after Done: {rated}");
        var afterRating = await journey.PressAsync(sam, rating, "4");
        Assert.Contains(afterRating, m => m.HasButton("Need help"));

        // A reply in his own words, then a typo: the typo gets a pointer to help, not "Thanks, noted." (defect 10).
        (await journey.SayAsync(sam, "Booked two discovery calls with Acme for Thursday")).ExpectNot("help");
        (await journey.SayAsync(sam, "blorft")).Saying("help");

        // Snooze typed in natural language: the answer says until when, in his time zone (defect 10).
        var snoozed = (await journey.SayAsync(sam, "snooze 2 days")).Saying("snooze");
        Assert.DoesNotContain("UTC", snoozed.Text);
        await journey.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));
        journey.Look(sam).ExpectNot("Need help");

        // Pause until a date said the way people say it, in a DM and as a command (defect 10).
        var paused = await journey.SayAsync(sam, "pause until next friday");
        paused.Saying("Fri");
        paused.ExpectNot("Thanks");
        var pausedByCommand = await journey.CommandAsync(sam, "pause until friday");
        pausedByCommand.ExpectNot("takes nothing after it");
        var resumed = await journey.CommandAsync(sam, "resume");
        resumed.Saying("next nudge");
        Assert.DoesNotContain("UTC", resumed[^1].Text);

        // Need help on the next nudge, shared with a note: the prompt says where the note goes (defect 5).
        var (_, next, _) = await journey.WaitForAsync(sam, m => m.HasButton("Need help"), TimeSpan.FromDays(4));
        var offer = (await journey.PressAsync(sam, next, "Need help")).WithButton("Yes, with a note");
        var prompt = await journey.PressAsync(sam, offer, "Yes, with a note");
        prompt.Saying("managers' channel");
        (await journey.SayAsync(sam, "Stuck on pricing for Acme, they want 30% off")).Saying("shared");

        var card = journey.Look(maya).WithButton("Acknowledge");
        card.Saying("Sam Rivera");
        card.Saying("Stuck on pricing for Acme");
        var reference = EscalationRef().Match(card.Text).Value;
        Assert.NotEmpty(reference);

        // Nobody acknowledges: the deadlines run, and the skip-level hears of it.
        await journey.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Contains(journey.Screen(dee), m => m.Has(reference));

        // Maya acknowledges on the card, then resolves with a note that reaches Sam (defect 6).
        var acknowledged = await journey.PressAsync(maya, journey.Screen(maya).Last(m => m.HasButton("Acknowledge") && m.Has(reference)), "Acknowledge");
        acknowledged.Saying("Acknowledged");
        journey.Look(sam).Saying("acknowledged");
        await journey.CommandAsync(maya, $"resolve {reference} We agreed a 10% price floor; call me before going lower.");
        var outcome = journey.Look(sam).Saying("resolved");
        outcome.Saying("10% price floor");

        // `my data` tells him truthfully who could see his words (defect 5).
        var myData = await journey.CommandAsync(sam, "my data");
        myData.ExpectNot("No manager has seen anything");
        Assert.True(myData.Any("Maya Okafor") || myData.Any("managers' channel"), $"[{platform}] my data: {myData}");

        // Two weeks in, he has had nudges on working days only.
        await journey.AdvanceToAsync(journey.Now.AddDays(14 - (journey.Now - new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)).TotalDays));
        journey.Look(sam);
    }

    // "Tuesday … 09:30", "Tue 3 Mar at 09:30 (Chicago)": a day and a time.
    [GeneratedRegex(@"(Mon|Tue|Wed|Thu|Fri|Sat|Sun|today|tomorrow)[^\n]*\d{1,2}:\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex LocalWhen();

    [GeneratedRegex(@"E-\d+")]
    private static partial Regex EscalationRef();
}
