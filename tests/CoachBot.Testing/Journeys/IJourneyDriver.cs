namespace CoachBot.Testing.Journeys;

/// <summary>
/// One chat platform as people use it, through CoachBot's real endpoints. A driver only acts and reports what is on each
/// person's screen; <see cref="Journey"/> works out what changed. The same journey runs on every driver.
/// </summary>
public interface IJourneyDriver : IAsyncDisposable
{
    string Platform { get; }

    CoachBotApplication App { get; }

    /// <summary>Starts CoachBot for <paramref name="people"/> with <paramref name="adminEmails"/> as Coaching:Admins.</summary>
    Task StartAsync(IReadOnlyList<JourneyPerson> people, IReadOnlyList<string> adminEmails);

    /// <summary>The person opens CoachBot for the first time (Slack: opens its Messages tab; Teams: installs the app).</summary>
    Task OpenAsync(JourneyPerson who);

    /// <summary>The person opens CoachBot's Home (Slack App Home; Teams has none and shows nothing).</summary>
    Task OpenHomeAsync(JourneyPerson who);

    /// <summary>A command the way this person gives one here: Slack <c>/coach …</c>; Teams an @mention in the managers' channel (managers) or the DM (reps).</summary>
    Task CommandAsync(JourneyPerson who, string text);

    /// <summary>Text typed into the person's DM with CoachBot.</summary>
    Task SayAsync(JourneyPerson who, string text);

    /// <summary>Presses <paramref name="button"/> on <paramref name="message"/>, a message the person sees.</summary>
    Task PressAsync(JourneyPerson who, Shown message, ShownButton button);

    /// <summary>The managers' channel gets CoachBot (Slack: the bot is invited; Teams: the app is added to the team).</summary>
    Task AddToManagersChannelAsync(JourneyPerson who);

    /// <summary>Everything on the person's screen now: their DM, the managers' channel if they are in it, replies only they saw.</summary>
    IReadOnlyList<Shown> Screen(JourneyPerson who);
}
