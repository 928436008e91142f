package dev.onewindow.platform.sample;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ParcelRepository extends MongoRepository<Parcel, String> {
}
