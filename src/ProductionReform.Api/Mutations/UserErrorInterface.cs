using GraphQL.Types;

namespace ProductionReform.Api.Mutations;

/// <summary>
/// <c>interface UserError { field: String, message: String!, code: String! }</c>: every mutation's error type implements it.
/// </summary>
public sealed class UserErrorInterface : InterfaceGraphType<UserError>
{
    public UserErrorInterface()
    {
        Name = "UserError";
        Description = "An input a mutation refused; nothing was saved. " +
            "`field` names the input field (null when the refusal is about the whole record).";
        Field<StringGraphType>("field").Description("The input field at fault, e.g. `creditCode`.");
        Field<NonNullGraphType<StringGraphType>>("message").Description("What is wrong and what is expected.");
        Field<NonNullGraphType<StringGraphType>>("code").Description(
            "REQUIRED, INVALID_FORMAT, INVALID_RANGE, NOT_UNIQUE, ALREADY_ENROLLED, INVALID_REFERENCE, NOT_FOUND, CONCURRENT_UPDATE, " +
            "REFERENCED or TARGET_EXCEEDED.");
    }
}
