using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.People;

public static class PeopleRegistration
{
    /// <summary>The <see cref="PersonDirectory"/>. Expects an NpgsqlDataSource; every feature that looks people up calls this.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.TryAddSingleton<PersonDirectory>();
        return services;
    }
}
