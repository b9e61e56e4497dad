using CoachBot.Testing.Journeys;

namespace CoachBot.IntegrationTests.Journeys;

// Ava told the quiz she is one style, but she only acts on nudges worded another way. Over four weeks of real nudges
// CoachBot tries other wordings now and then (never more than one nudge in five, none in her first week), `why` tells
// her each time what it did and on what evidence, and once she picks a style herself the trials stop.
public sealed class RepLearningJourney
{
    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public async Task TheCoachTriesOtherWordingsWithinItsBudgetExplainsThemAndStopsWhenTheRepChooses(string platform)
    {
        await using var journey = await Journey.StartAsync(platform, new JourneyCast());
        var ava = journey.Cast.Ava;
        await journey.AdminSetsUpAsync();
        await journey.ManagersArriveAsync();
        var onboarded = await journey.OnboardAsync(ava, "babbab", "Sprint", ["Prospecting"], "08:00–16:30");
        const string declared = "Driver";
        Assert.Contains(declared, onboarded.Saying("You're all set").Text);

        var whys = new List<string>();
        for (var n = 0; n < 16; n++)
        {
            var (_, nudge, _) = await journey.WaitForAsync(ava, m => m.HasButton("Remind me later"), TimeSpan.FromDays(4), TimeSpan.FromHours(2));
            var why = (await journey.CommandAsync(ava, "why")).Saying("Your last nudge").Text;
            whys.Add(why);
            if (why.Contains("tried"))
            {
                // She acts on the other wording, and ignores her declared style's nudges.
                await journey.PressAsync(ava, nudge, "Done");
            }
        }

        // No trial in the first week, then some, but never two within five nudges; each says her style is unchanged.
        Assert.All(whys.Take(5), w => Assert.Contains("your style from the quiz", w));
        var trials = whys.Select((w, i) => (w, i)).Where(x => x.w.Contains("tried")).Select(x => x.i).ToList();
        Assert.True(trials.Count >= 2, $"[{platform}] expected trials after the first week; `why` said:\n{string.Join("\n---\n", whys)}");
        Assert.All(trials.Zip(trials.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 5, $"[{platform}] trials at nudges {string.Join(", ", trials)}"));
        var lastTrial = whys[trials[^1]];
        Assert.Contains("Your style is still", lastTrial);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(lastTrial, @"So far you answer .*\b0 of \d+ Driver nudges") && System.Text.RegularExpressions.Regex.IsMatch(lastTrial, @"\b[1-9] of [1-9] (Expressive|Amiable|Analytical) nudge"), lastTrial);

        // She picks a style herself: from now on every nudge is worded that way, and `why` says so.
        var chosen = whys[trials[^1]].Split(" wording")[0].Split(' ')[^1];
        Assert.DoesNotContain(chosen, declared);
        (await journey.CommandAsync(ava, $"style {chosen.ToLowerInvariant()}")).Saying($"Style set to {chosen}");
        for (var n = 0; n < 6; n++)
        {
            await journey.WaitForAsync(ava, m => m.HasButton("Remind me later"), TimeSpan.FromDays(4), TimeSpan.FromHours(2));
            (await journey.CommandAsync(ava, "why")).Saying($"worded for {chosen}, the style you picked yourself");
        }
    }
}
