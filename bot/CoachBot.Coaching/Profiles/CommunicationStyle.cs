namespace CoachBot.Coaching.Profiles;

/// <summary>How a rep likes to be spoken to (Merrill–Reid Social Styles; DISC and colour models map onto the same four).</summary>
public enum CommunicationStyle
{
    Driver,
    Expressive,
    Amiable,
    Analytical,
}
