package cn.doublerandom.registry.history;

/** The registry records whose every version is kept. */
public enum RegistryEntity {
    TARGET, INSPECTOR, ITEM, POLICY
}
