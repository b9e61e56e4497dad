namespace CoachBot.Testing.Journeys;

public enum JourneyRole
{
    Admin,
    Manager,
    Rep,
}

/// <summary>
/// Someone in a journey, the same on every platform: <paramref name="Handle"/> names them in the test (the drivers make
/// platform ids from it), the rest is their profile as the platform shows it.
/// </summary>
public sealed record JourneyPerson(string Handle, string Name, string Email, string TimeZone, JourneyRole Role)
{
    public string FirstName => Name.Split(' ')[0];

    public override string ToString() => Name;
}
