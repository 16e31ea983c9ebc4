package io.salesflow.customfield;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomFieldDefinitionRepository extends JpaRepository<CustomFieldDefinition, UUID> {

    @Query("select d from CustomFieldDefinition d order by d.recordType, d.position, d.key")
    List<CustomFieldDefinition> listed();

    @Query("select d from CustomFieldDefinition d where d.recordType = :recordType order by d.position, d.key")
    List<CustomFieldDefinition> ofType(String recordType);

    boolean existsByRecordTypeAndKey(String recordType, String key);

    @Query("select coalesce(max(d.position) + 1, 0) from CustomFieldDefinition d where d.recordType = :recordType")
    int nextPosition(String recordType);
}
