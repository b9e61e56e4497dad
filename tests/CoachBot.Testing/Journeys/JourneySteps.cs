namespace CoachBot.Testing.Journeys;

/// <summary>Steps several journeys share, built the way people do them (commands, buttons), each checking what the person sees.</summary>
public static class JourneySteps
{
    /// <summary>
    /// README "Connect a real Slack workspace" step 3 for the configured admin: CoachBot in the managers' channel, then
    /// <c>/coach help</c> as their first contact ever, then the roster import. Returns what the admin saw for help.
    /// </summary>
    public static async Task<Seen> AdminSetsUpAsync(this Journey journey)
    {
        var admin = journey.Cast.Admin;
        await journey.AddToManagersChannelAsync(admin);
        var help = await journey.CommandAsync(admin, "help");
        var import = await journey.CommandAsync(admin, "import " + journey.Cast.RosterCsv);
        import.Saying("6");
        return help;
    }

    /// <summary>The managers open CoachBot once (first contact), as they would after the admin tells them about it.</summary>
    public static async Task ManagersArriveAsync(this Journey journey)
    {
        foreach (var manager in new[] { journey.Cast.Director, journey.Cast.Maya, journey.Cast.Omar })
        {
            var welcome = await journey.OpenAsync(manager);
            welcome.Saying("manager");
            welcome.ExpectNot("Question 1 of");
        }
    }

    /// <summary>
    /// A rep opens CoachBot and goes through setup with the buttons: the six-question style quiz (<paramref name="answers"/>,
    /// 'a' or 'b' each), the race, up to three focus skills, a first goal (<paramref name="goal"/>, a preset's label, or skipped)
    /// and a working day. Returns the last thing they saw.
    /// </summary>
    public static async Task<Seen> OnboardAsync(this Journey journey, JourneyPerson rep, string answers, string race, string[] focus, string hours, string? goal = null)
    {
        var seen = await journey.OpenAsync(rep);
        seen.Saying($"Hi {rep.FirstName}");
        var question = seen.Saying("Question 1 of 6");
        for (var i = 0; i < answers.Length; i++)
        {
            Journey.Check(question.Has($"question {i + 1} of 6"), $"[{journey.Platform}] expected question {i + 1}, saw {question}");
            var option = answers[i] == 'a' ? question.Buttons[0] : question.Buttons[1];
            seen = await journey.PressAsync(rep, question, option.Label);
            question = seen.LastOrDefault(m => m.Has("of 6") && m.HasButton("Skip")) ?? question;
        }

        seen.Saying("Your style looks like");
        var picker = seen.WithButton(race);
        seen = await journey.PressAsync(rep, picker, race);
        var focusPicker = seen.WithButton("Done");
        foreach (var skill in focus)
        {
            seen = await journey.PressAsync(rep, focusPicker, skill);
            focusPicker = seen.LastOrDefault(m => m.HasButton("Done")) ?? focusPicker;
        }

        seen = await journey.PressAsync(rep, focusPicker, "Done");
        // The personal-target step: a preset's label, or Skip.
        var goalPicker = seen.Saying("personal target");
        seen = await journey.PressAsync(rep, goalPicker, goal ?? "Skip");
        var hoursPicker = seen.WithButton(hours);
        return await journey.PressAsync(rep, hoursPicker, hours);
    }

    /// <summary>The admin's setup, the managers' first contact and three reps onboarded with their own answers, zones and hours.</summary>
    public static async Task BuildTeamAsync(this Journey journey)
    {
        var cast = journey.Cast;
        await journey.AdminSetsUpAsync();
        await journey.ManagersArriveAsync();
        await journey.OnboardAsync(cast.Sam, "abbaab", "Middle distance", ["Discovery", "Closing"], "09:00–17:30");
        await journey.OnboardAsync(cast.Ava, "babbab", "Sprint", ["Prospecting"], "08:00–16:30");
        await journey.OnboardAsync(cast.Leo, "aaaaaa", "Distance", [], "10:00–18:30");
    }
}
