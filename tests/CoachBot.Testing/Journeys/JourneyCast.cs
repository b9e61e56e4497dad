namespace CoachBot.Testing.Journeys;

/// <summary>
/// The people of the journeys, with their own time zones: an admin configured by email, a skip-level director, two
/// managers under her, and reps under each manager.
/// </summary>
public sealed class JourneyCast
{
    public JourneyPerson Admin { get; } = new("ada", "Ada Lovelace", "ada@acme.example", "Europe/London", JourneyRole.Admin);

    public JourneyPerson Director { get; } = new("dee", "Dee Director", "dee@acme.example", "Europe/London", JourneyRole.Manager);

    public JourneyPerson Maya { get; } = new("maya", "Maya Okafor", "maya@acme.example", "Europe/London", JourneyRole.Manager);

    public JourneyPerson Omar { get; } = new("omar", "Omar Haddad", "omar@acme.example", "America/New_York", JourneyRole.Manager);

    public JourneyPerson Sam { get; } = new("sam", "Sam Rivera", "sam@acme.example", "America/Chicago", JourneyRole.Rep);

    public JourneyPerson Ava { get; } = new("ava", "Ava Martinez", "ava@acme.example", "Europe/Berlin", JourneyRole.Rep);

    public JourneyPerson Leo { get; } = new("leo", "Leo Park", "leo@acme.example", "America/New_York", JourneyRole.Rep);

    public IReadOnlyList<JourneyPerson> Everyone => [Admin, Director, Maya, Omar, Sam, Ava, Leo];

    public IReadOnlyList<string> AdminEmails => [Admin.Email];

    /// <summary>The roster the admin imports: email, name, role, manager, time zone (README: `/coach import`).</summary>
    public string RosterCsv => string.Join('\n',
    [
        "email,name,role,manager,time zone",
        $"{Director.Email},{Director.Name},manager,,{Director.TimeZone}",
        $"{Maya.Email},{Maya.Name},manager,{Director.Email},{Maya.TimeZone}",
        $"{Omar.Email},{Omar.Name},manager,{Director.Email},{Omar.TimeZone}",
        $"{Sam.Email},{Sam.Name},rep,{Maya.Email},{Sam.TimeZone}",
        $"{Ava.Email},{Ava.Name},rep,{Maya.Email},{Ava.TimeZone}",
        $"{Leo.Email},{Leo.Name},rep,{Omar.Email},{Leo.TimeZone}",
    ]);
}
