import Foundation

/// A signed-in browser: who, and the token its state-changing requests must carry.
public struct Session: Sendable {
    public var id: String
    public var user: String
    public var displayName: String?
    public var email: String?
    public var csrfToken: String
    public var expires: Date
}

/// Sessions in memory (a restart signs everyone out), keyed by a random id held in an
/// HttpOnly, SameSite=Strict cookie.
public actor SessionStore {
    public static let cookieName = "planmerge_session"
    /// How long a session lives without use.
    public let lifetime: TimeInterval
    private var sessions: [String: Session] = [:]

    public init(lifetime: TimeInterval = 8 * 3600) {
        self.lifetime = lifetime
    }

    public func create(user: String, displayName: String? = nil, email: String? = nil, now: Date = Date()) -> Session {
        let session = Session(
            id: Secrets.token(), user: user, displayName: displayName, email: email, csrfToken: Secrets.token(),
            expires: now.addingTimeInterval(lifetime))
        sessions[session.id] = session
        if sessions.count > 10_000 { sessions = sessions.filter { $0.value.expires > now } }
        return session
    }

    /// The live session with this id, its life extended.
    public func session(_ id: String, now: Date = Date()) -> Session? {
        guard var session = sessions[id] else { return nil }
        guard session.expires > now else {
            sessions[id] = nil
            return nil
        }
        session.expires = now.addingTimeInterval(lifetime)
        sessions[id] = session
        return session
    }

    public func end(_ id: String) {
        sessions[id] = nil
    }
}
